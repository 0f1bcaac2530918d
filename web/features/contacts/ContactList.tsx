import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArchive, IconPencil, IconPlus, IconSignature, IconStar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { PageError, PageLoader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import type { Client } from '../clients/api.js';
import { useCodeLabel } from '../code-lists/api.js';
import { useArchiveContact, useContacts, type Contact } from './api.js';
import { ContactForm } from './ContactForm.js';

const ContactRow = ({
  contact,
  editable,
  onEdit,
  onArchive,
}: {
  contact: Contact;
  editable: boolean;
  onEdit: () => void;
  onArchive: () => void;
}) => {
  const { t } = useTranslation();
  const functionLabel = useCodeLabel('contactFunction');
  const name = `${contact.firstName} ${contact.lastName}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {name}
          </Text>
          {contact.isPrimary && (
            <Badge size="sm" variant="light" leftSection={<IconStar size={10} aria-hidden />}>
              {t('contacts.primaryBadge')}
            </Badge>
          )}
          {contact.archivedAt && (
            <Badge size="sm" color="orange" variant="outline">
              {t('clients.archivedBadge')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{functionLabel(contact.function)}</Table.Td>
      <Table.Td>
        {contact.email && (
          <Anchor href={`mailto:${contact.email}`} size="sm">
            {contact.email}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        {contact.phone && (
          <Anchor href={`tel:${contact.phone}`} size="sm">
            {contact.phone}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        {contact.mobile && (
          <Anchor href={`tel:${contact.mobile}`} size="sm">
            {contact.mobile}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        {contact.isSigningPerson ? (
          <Badge
            size="sm"
            color="violet"
            variant="light"
            leftSection={<IconSignature size={10} aria-hidden />}
          >
            {t('contacts.signingBadge')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>
        {editable && !contact.archivedAt && (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <Tooltip label={t('common.edit')}>
              <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('contacts.actions.edit', { name })}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('contacts.actions.archiveShort')}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onArchive}
                aria-label={t('contacts.actions.archive', { name })}
              >
                <IconArchive size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
};

/** The client's contact persons, with add, edit and archive (after confirmation). */
export const ContactList = ({ client }: { client: Client }) => {
  const { t } = useTranslation();
  const can = useCan();
  const [showArchived, setShowArchived] = useState(false);
  const contacts = useContacts(client.id, showArchived ? 'all' : 'false');
  const archive = useArchiveContact();
  const [editing, setEditing] = useState<Contact | null>(null);
  const [formOpened, setFormOpened] = useState(false);
  const editable = can('clients.write') && !client.archivedAt;

  const openForm = (contact: Contact | null) => {
    setEditing(contact);
    setFormOpened(true);
  };

  const confirmArchive = (contact: Contact) =>
    modals.openConfirmModal({
      title: t('contacts.archive.title'),
      children: (
        <Text size="sm">
          {t('contacts.archive.text', { name: `${contact.firstName} ${contact.lastName}` })}
        </Text>
      ),
      labels: { confirm: t('contacts.archive.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        archive.mutate(
          { id: contact.id, version: contact.version },
          {
            onSuccess: () => notifySuccess(t('contacts.archive.done')),
            onError: (error) => notifyError(t, error),
          },
        ),
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('contacts.title')}
        </Title>
        <Group gap="md">
          <Switch
            label={t('contacts.showArchived')}
            checked={showArchived}
            onChange={(event) => setShowArchived(event.currentTarget.checked)}
          />
          {editable && (
            <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm(null)}>
              {t('contacts.add')}
            </Button>
          )}
        </Group>
      </Group>
      {contacts.isPending ? (
        <PageLoader />
      ) : contacts.isError ? (
        <PageError error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : contacts.data.length === 0 ? (
        <Text c="dimmed" size="sm" py="md">
          {t('contacts.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('contacts.title')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.fields.name')}</Table.Th>
                <Table.Th>{t('contacts.fields.function')}</Table.Th>
                <Table.Th>{t('contacts.fields.email')}</Table.Th>
                <Table.Th>{t('contacts.fields.phone')}</Table.Th>
                <Table.Th>{t('contacts.fields.mobile')}</Table.Th>
                <Table.Th>{t('contacts.fields.isSigningPerson')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.map((contact) => (
                <ContactRow
                  key={contact.id}
                  contact={contact}
                  editable={editable}
                  onEdit={() => openForm(contact)}
                  onArchive={() => confirmArchive(contact)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ContactForm
        opened={formOpened}
        onClose={() => setFormOpened(false)}
        clientId={client.id}
        country={client.country}
        contact={editing}
      />
    </Stack>
  );
};
