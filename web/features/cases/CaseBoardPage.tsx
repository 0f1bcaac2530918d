import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Anchor, Badge, Box, Button, Center, EmptyState, Group, Paper, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGripVertical, IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import { useProcessTemplates } from '../processes/api.js';
import { useBoard, useChangeStage, type BoardCard, type BoardStage } from './api.js';
import { CloseCaseDialog } from './components/CloseCaseDialog.js';
import { dropDecision } from './board.js';
import { caseErrorMessage, gateFieldLabel, missingFieldsOf } from './display.js';

const Card = ({ card, stageId, draggable }: { card: BoardCard; stageId: string; draggable: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    data: { card, stageId },
    disabled: !draggable,
  });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10 } : undefined;
  return (
    <Paper ref={setNodeRef} withBorder radius="sm" p="xs" shadow={isDragging ? 'md' : undefined} style={{ ...style, opacity: isDragging ? 0.85 : 1 }}>
      <Group gap={4} wrap="nowrap" align="flex-start">
        {draggable && (
          <Box
            component="button"
            type="button"
            {...listeners}
            {...attributes}
            aria-label={t('cases.board.dragHandle', { name: card.name })}
            style={{ cursor: 'grab', background: 'none', border: 0, padding: 2, color: 'inherit' }}
          >
            <IconGripVertical size={16} aria-hidden />
          </Box>
        )}
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Anchor component={Link} to={`/cases/${card.id}`} size="sm" fw={600} lineClamp={2}>
            {card.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {card.clientName ?? '—'}
          </Text>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="xs" truncate>
              {card.responsibleUser?.name ?? ''}
            </Text>
            <Text size="xs" fw={500}>
              {format.number(card.potentialMWh, { maximumFractionDigits: 1 })} {t('cases.units.MWh')}
            </Text>
          </Group>
          <Text size="xs" c={card.nextActivityAt ? undefined : 'orange'}>
            {card.nextActivityAt ? t('cases.board.next', { date: format.date(card.nextActivityAt) }) : t('cases.board.noNext')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
};

const Column = ({ stage, draggable, processId }: { stage: BoardStage; draggable: boolean; processId: string }) => {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const more = stage.total - stage.cards.length;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="xs"
      w={280}
      miw={280}
      bg={isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-light)'}
      role="region"
      aria-label={t('cases.board.column', { name: stage.name, count: stage.total })}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h6" lineClamp={1}>
            {stage.name}
          </Title>
          <Badge variant="light" color={stage.closesAs === 'won' ? 'teal' : stage.closesAs === 'lost' ? 'red' : 'gray'}>
            {stage.total}
          </Badge>
        </Group>
        {stage.requiredFields.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('cases.board.requires', { fields: stage.requiredFields.map((f) => gateFieldLabel(t, f)).join(', ') })}
          </Text>
        )}
        {stage.cards.map((card) => (
          <Card key={card.id} card={card} stageId={stage.id} draggable={draggable && card.state === 'new'} />
        ))}
        {stage.cards.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('cases.board.emptyColumn')}
          </Text>
        )}
        {more > 0 && (
          <Anchor component={Link} to={`/cases?processTemplateId=${processId}&stageId=${stage.id}&state=${stage.closesAs ? 'closed' : 'new'}`} size="xs">
            {t('cases.board.more', { count: more })}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
};

/**
 * The kanban board of a process (SALES-6): one column per stage with the open cases the user may see. A card
 * dragged (mouse, touch or keyboard: focus the handle, Space, arrows, Space) onto another stage moves the case
 * when the stage's gate passes; otherwise the card stays and the missing fields are shown. Dropping on a
 * closing stage asks for the closing note first.
 */
export const CaseBoardPage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const templates = useProcessTemplates();
  const requested = search.get('processTemplateId');
  const processId = requested ?? templates.data?.[0]?.id ?? null;
  const board = useBoard(processId);
  const move = useChangeStage();
  const [closing, setClosing] = useState<{ card: BoardCard; stage: BoardStage } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  const draggable = can('sales.write');

  const nameOf = (id: string | number | undefined) =>
    board.data?.stages.flatMap((s) => s.cards).find((c) => c.id === id)?.name ?? '';
  const stageName = (id: string | number | undefined) => board.data?.stages.find((s) => s.id === id)?.name ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('cases.board.a11y.start', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('cases.board.a11y.over', { name: nameOf(active.id), stage: stageName(over.id) }) : t('cases.board.a11y.outside', { name: nameOf(active.id) })),
    onDragEnd: ({ active, over }) => (over ? t('cases.board.a11y.dropped', { name: nameOf(active.id), stage: stageName(over.id) }) : t('cases.board.a11y.cancelled', { name: nameOf(active.id) })),
    onDragCancel: ({ active }) => t('cases.board.a11y.cancelled', { name: nameOf(active.id) }),
  };

  const moveTo = (card: BoardCard, stage: BoardStage, closingNote?: string) =>
    move.mutate(
      { caseId: card.id, stageId: stage.id, version: card.version, ...(closingNote ? { closingNote } : {}) },
      {
        onSuccess: () => {
          setClosing(null);
          notifications.show({ color: 'teal', message: t('cases.stage.movedNamed', { name: card.name, stage: stage.name }) });
        },
        onError: (error) => {
          const fields = missingFieldsOf(t, error);
          if (fields.length) setClosing(null);
          notifications.show({
            color: 'red',
            title: t('cases.board.notMoved', { name: card.name }),
            message: fields.length ? t('cases.stage.needs', { fields: fields.join(', ') }) : caseErrorMessage(t, error),
            autoClose: 8000,
          });
        },
      },
    );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const from = active.data.current as { card: BoardCard; stageId: string } | undefined;
    const to = (over.data.current as { stage: BoardStage } | undefined)?.stage;
    const decision = dropDecision(from?.stageId, to);
    if (decision === 'close') setClosing({ card: from!.card, stage: to! });
    else if (decision === 'move') moveTo(from!.card, to!);
  };

  return (
    <>
      <PageHeader
        title={t('cases.board.title')}
        description={t('cases.board.description')}
        actions={
          <Button component={Link} to="/cases" variant="default" leftSection={<IconList size={16} aria-hidden />}>
            {t('cases.board.toList')}
          </Button>
        }
      />
      {templates.isPending ? (
        <PageLoader />
      ) : templates.isError ? (
        <PageError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <EmptyState py="xl" icon={<IconLayoutKanban size={28} aria-hidden />} title={t('cases.board.noProcesses')} description={t('cases.board.noProcessesHint')} />
      ) : (
        <Stack gap="md">
          <Select
            label={t('cases.fields.process')}
            data={templates.data.map((p) => ({ value: p.id, label: p.name }))}
            value={processId}
            onChange={(value) => value && setSearch({ processTemplateId: value }, { replace: true })}
            allowDeselect={false}
            w={320}
          />
          {board.isPending ? (
            <PageLoader />
          ) : board.isError ? (
            <Center>
              <PageError error={board.error} onRetry={() => void board.refetch()} />
            </Center>
          ) : (
            <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('cases.board.a11y.instructions') } }}>
              <ScrollArea type="auto" offsetScrollbars>
                <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
                  {board.data.stages.map((stage) => (
                    <Column key={stage.id} stage={stage} draggable={draggable && !move.isPending} processId={board.data.processTemplate.id} />
                  ))}
                </Group>
              </ScrollArea>
            </DndContext>
          )}
        </Stack>
      )}
      {closing && (
        <CloseCaseDialog
          opened
          caseName={closing.card.name}
          fixedOutcome={closing.stage.closesAs}
          onClose={() => setClosing(null)}
          loading={move.isPending}
          error={move.error}
          onConfirm={(values) => moveTo(closing.card, closing.stage, values.closingNote)}
        />
      )}
    </>
  );
};
