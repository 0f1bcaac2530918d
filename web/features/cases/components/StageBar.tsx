import { Badge, Button, Group, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcessTemplate, useProcessTemplates, type ProcessTemplate } from '../../processes/api.js';
import { useChangeStage, type CaseDetail } from '../api.js';
import { missingForStage } from '../board.js';
import { caseErrorMessage, gateFieldLabel, missingFieldsOf } from '../display.js';
import { CloseCaseDialog } from './CloseCaseDialog.js';

type StageOf = ProcessTemplate['stages'][number];

/**
 * The case's process as a row of stages (SALES-6): the current one marked, every other with the fields its gate
 * still needs, so the user sees before clicking why a stage is locked. Moving is checked again on the server.
 */
export const StageBar = ({ detail, editable }: { detail: CaseDetail; editable: boolean }) => {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const templateId = detail.processTemplateId ?? chosen;
  const template = useProcessTemplate(templateId);
  const templates = useProcessTemplates(false, !detail.processTemplateId);
  const [closing, setClosing] = useState<StageOf | null>(null);
  const move = useChangeStage({
    onSuccess: (saved) => {
      setClosing(null);
      notifications.show({ color: 'teal', message: t('cases.stage.moved', { stage: saved.stage?.name ?? '' }) });
    },
  });
  const missing = (stage: StageOf) => missingForStage(stage.requiredFields, detail.filledGateFields);
  const enter = (stage: StageOf) => {
    if (stage.closesAs) {
      setClosing(stage);
      return;
    }
    move.mutate(
      { caseId: detail.id, stageId: stage.id, version: detail.version },
      {
        onError: (error) => {
          const fields = missingFieldsOf(t, error);
          notifications.show({
            color: 'red',
            title: t('cases.stage.blocked'),
            message: fields.length ? t('cases.stage.needs', { fields: fields.join(', ') }) : caseErrorMessage(t, error),
          });
        },
      },
    );
  };

  if (!templateId) {
    if (!editable || detail.state === 'closed') return null;
    return (
      <Paper withBorder radius="md" p="sm" mb="md">
        <Select
          label={t('cases.stage.chooseProcess')}
          placeholder={t('cases.stage.noProcess')}
          data={(templates.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={chosen}
          onChange={setChosen}
          w={320}
        />
      </Paper>
    );
  }
  const stages = template.data?.stages ?? [];
  const currentPosition = stages.find((s) => s.id === detail.stage?.id)?.position ?? -1;

  return (
    <Paper withBorder radius="md" p="sm" mb="md">
      <Text size="xs" c="dimmed" mb={6}>
        {t('cases.stage.process', { name: template.data?.name ?? detail.processTemplateName ?? '' })}
      </Text>
      <Group gap="xs" role="list" aria-label={t('cases.stage.label')}>
        {stages.map((stage) => {
          const isCurrent = stage.id === detail.stage?.id;
          const needs = missing(stage);
          const passed = stage.position < currentPosition;
          const hint = needs.length ? t('cases.stage.needs', { fields: needs.map((f) => gateFieldLabel(t, f)).join(', ') }) : t('cases.stage.open');
          return (
            <Stack key={stage.id} gap={2} role="listitem">
              <Tooltip label={hint} disabled={isCurrent} multiline w={260} withArrow>
                <Button
                  size="xs"
                  variant={isCurrent ? 'filled' : passed ? 'light' : 'default'}
                  color={stage.closesAs === 'lost' ? 'red' : stage.closesAs === 'won' ? 'teal' : undefined}
                  leftSection={isCurrent || passed ? <IconCheck size={14} aria-hidden /> : needs.length ? <IconLock size={14} aria-hidden /> : undefined}
                  aria-current={isCurrent ? 'step' : undefined}
                  aria-description={isCurrent ? undefined : hint}
                  disabled={!isCurrent && (!editable || detail.state === 'closed')}
                  aria-disabled={isCurrent || undefined}
                  loading={move.isPending && move.variables?.stageId === stage.id}
                  onClick={() => {
                    if (!isCurrent) enter(stage);
                  }}
                >
                  {stage.name}
                </Button>
              </Tooltip>
              {!isCurrent && needs.length > 0 && detail.state === 'new' && (
                <Badge size="xs" variant="transparent" color="orange">
                  {t('cases.stage.missingCount', { count: needs.length })}
                </Badge>
              )}
            </Stack>
          );
        })}
      </Group>
      {closing && (
        <CloseCaseDialog
          opened
          caseName={detail.name}
          fixedOutcome={closing.closesAs}
          onClose={() => setClosing(null)}
          loading={move.isPending}
          error={move.error}
          onConfirm={(values) => move.mutate({ caseId: detail.id, stageId: closing.id, version: detail.version, closingNote: values.closingNote })}
        />
      )}
    </Paper>
  );
};
