import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArchive, IconArrowLeft, IconPencil, IconRestore } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError, notifySuccess } from '../errors.js';
import type { ArchiveVariables } from './api.js';

type RecordHeaderProps = {
  /** The list the card belongs to, and the words of the link back to it. */
  back: { to: string; label: string };
  /** The record's name or number and its badges, on one line. */
  title: ReactNode;
  /** The line under the title (kind, identifiers, the client …). */
  subtitle: ReactNode;
  /** The buttons on the right; nothing (false/null) leaves the place empty. */
  actions?: ReactNode;
  /** Below everything, across the whole width (e.g. a progress line). */
  children?: ReactNode;
};

/** The top of a record's card: back to the list, title with badges, a line about the record, and its actions. */
export const RecordHeader = ({ back, title, subtitle, actions, children }: RecordHeaderProps) => (
  <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
    <Stack gap={4}>
      <Anchor component={Link} to={back.to} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {back.label}
        </Group>
      </Anchor>
      <Group gap="sm">{title}</Group>
      {subtitle}
    </Stack>
    {actions ? <Group gap="sm">{actions}</Group> : null}
    {children}
  </Group>
);

type Confirmation = { title: string; text: string; confirm: string; danger?: boolean; onConfirm: () => void };

/** Asks before an action (archiving, restoring …): the action's words on the confirm button, red when `danger`. */
export const confirmAction = (t: TFunction, { title, text, confirm, danger = false, onConfirm }: Confirmation) =>
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{text}</Text>,
    labels: { confirm, cancel: t('common.cancel') },
    ...(danger ? { confirmProps: { color: 'red' } } : {}),
    onConfirm,
  });

/** "Edit", opening the record's form; `default` where another action is the card's main one. */
export const EditButton = ({ onClick, variant }: { onClick: () => void; variant?: 'default' }) => {
  const { t } = useTranslation();
  return (
    <Button variant={variant} leftSection={<IconPencil size={16} aria-hidden />} onClick={onClick}>
      {t('common.edit')}
    </Button>
  );
};

type ButtonProps = { onClick: () => void; loading: boolean; children: ReactNode };

export const ArchiveButton = ({ onClick, loading, children }: ButtonProps) => (
  <Button
    variant="default"
    color="red"
    leftSection={<IconArchive size={16} aria-hidden />}
    onClick={onClick}
    loading={loading}
  >
    {children}
  </Button>
);

export const RestoreButton = ({ onClick, loading, children }: ButtonProps) => (
  <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} onClick={onClick} loading={loading}>
    {children}
  </Button>
);

/** The words of archiving and restoring one kind of record; the restore asks first when it has a title and text. */
export type ArchiveTexts = {
  action: string;
  title: string;
  text: string;
  confirm: string;
  done: string;
  restore: string;
  restored: string;
  restoreConfirmation?: { title: string; text: string };
};

type ArchiveToggleProps = {
  archived: boolean;
  version: number;
  archive: Pick<UseMutationResult<unknown, Error, ArchiveVariables>, 'mutate' | 'isPending'>;
  texts: ArchiveTexts;
};

/** "Archive" (after a red confirmation) on a live record, "Restore" on an archived one. */
export const ArchiveToggle = ({ archived, version, archive, texts }: ArchiveToggleProps) => {
  const { t } = useTranslation();
  const run = (restore: boolean) =>
    archive.mutate(
      { version, restore },
      {
        onSuccess: () => notifySuccess(restore ? texts.restored : texts.done),
        onError: (error) => notifyError(t, error),
      },
    );
  const confirmArchive = () =>
    confirmAction(t, {
      title: texts.title,
      text: texts.text,
      confirm: texts.confirm,
      danger: true,
      onConfirm: () => run(false),
    });
  const restoring = texts.restoreConfirmation;
  const restore = restoring
    ? () => confirmAction(t, { ...restoring, confirm: texts.restore, onConfirm: () => run(true) })
    : () => run(true);

  return archived ? (
    <RestoreButton onClick={restore} loading={archive.isPending}>
      {texts.restore}
    </RestoreButton>
  ) : (
    <ArchiveButton onClick={confirmArchive} loading={archive.isPending}>
      {texts.action}
    </ArchiveButton>
  );
};
