import { Badge, Button, EmptyState, Group, Paper, Switch, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useProcessTemplates, useSaveProcessTemplate, type ProcessTemplate } from './api.js';
import { ProcessTemplateForm } from './ProcessTemplateForm.js';

const DeactivateButton = ({ template }: { template: ProcessTemplate }) => {
  const { t } = useTranslation();
  const save = useSaveProcessTemplate(template, {
    onSuccess: (saved) => notifySuccess(saved.isActive ? t('processes.activated') : t('processes.deactivated')),
  });
  const toggle = () =>
    save.mutate({ isActive: !template.isActive }, { onError: (error) => notifyError(t, error) });
  const confirm = () =>
    modals.openConfirmModal({
      title: t('processes.deactivateTitle'),
      children: <Text size="sm">{t('processes.deactivateText', { name: template.name })}</Text>,
      labels: { confirm: t('processes.deactivate'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: toggle,
    });
  return (
    <Button size="xs" variant="subtle" color={template.isActive ? 'red' : undefined} loading={save.isPending} onClick={template.isActive ? confirm : toggle}>
      {template.isActive ? t('processes.deactivate') : t('processes.activate')}
    </Button>
  );
};

/** Administration of sales processes (SALES-6): stages with gates and tasks, per owner company. */
export const ProcessTemplatesPage = () => {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const templates = useProcessTemplates(showInactive);
  const [editing, setEditing] = useState<ProcessTemplate | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (template: ProcessTemplate | null) => {
    setEditing(template);
    setOpened(true);
  };

  return (
    <>
      <PageHeader
        title={t('processes.title')}
        description={t('processes.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
            {t('processes.create')}
          </Button>
        }
      />
      <Group mb="sm">
        <Switch
          label={t('processes.showInactive')}
          checked={showInactive}
          onChange={(event) => setShowInactive(event.currentTarget.checked)}
        />
      </Group>
      <Paper withBorder radius="md">
        {templates.isPending ? (
          <PageLoader />
        ) : templates.isError ? (
          <PageError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : templates.data.length === 0 ? (
          <EmptyState py="xl" icon={<IconRoute size={28} aria-hidden />} title={t('processes.empty')} description={t('processes.emptyHint')}>
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
                {t('processes.create')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover aria-label={t('processes.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('processes.fields.name')}</Table.Th>
                  <Table.Th>{t('processes.fields.stages')}</Table.Th>
                  <Table.Th>{t('processes.fields.isActive')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.data.map((template) => (
                  <Table.Tr key={template.id}>
                    <Table.Td fw={500}>{template.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{template.stages.map((stage) => stage.name).join(' → ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={template.isActive ? 'teal' : 'gray'} variant="light" size="sm" style={{ minWidth: 'max-content' }}>
                        {template.isActive ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => open(template)} aria-label={t('processes.editNamed', { name: template.name })}>
                          {t('common.edit')}
                        </Button>
                        <DeactivateButton template={template} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <ProcessTemplateForm opened={opened} template={editing} onClose={() => setOpened(false)} />
    </>
  );
};
