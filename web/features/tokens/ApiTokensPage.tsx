import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { AddButton } from '../../components/form/RecordButtons.js';
import { NoRecords, RecordTable } from '../../components/form/RecordTable.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useApiTokens, useRevokeApiToken, type ApiToken } from './api.js';
import { CreateTokenModal } from './CreateTokenModal.js';

const TokenStatus = ({ token }: { token: ApiToken }) => {
  const { t } = useTranslation();
  if (token.revokedAt)
    return (
      <Badge color="gray" variant="light" size="sm">
        {t('tokens.status.revoked')}
      </Badge>
    );
  if (token.expiresAt && new Date(token.expiresAt) < new Date())
    return (
      <Badge color="orange" variant="light" size="sm">
        {t('tokens.status.expired')}
      </Badge>
    );
  return (
    <Badge color="teal" variant="light" size="sm">
      {t('tokens.status.active')}
    </Badge>
  );
};

/** The signed-in user's API tokens for integrations (`Authorization: Bearer …`). */
export const ApiTokensPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken({ onSuccess: () => notifySuccess(t('tokens.revoked')) });
  const [creating, setCreating] = useState(false);

  const confirmRevoke = (token: ApiToken) =>
    modals.openConfirmModal({
      title: t('tokens.revokeTitle'),
      children: <Text size="sm">{t('tokens.revokeText', { name: token.name })}</Text>,
      labels: { confirm: t('tokens.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(token.id, { onError: (error) => notifyError(t, error) }),
    });

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        actions={<AddButton onClick={() => setCreating(true)}>{t('tokens.create')}</AddButton>}
      />
      <ListPanel
        query={tokens}
        empty={tokens.data?.length === 0 ? <NoRecords>{t('tokens.empty')}</NoRecords> : undefined}
      >
        <RecordTable
          label={t('tokens.title')}
          minWidth={720}
          highlightOnHover
          columns={[
            t('tokens.fields.name'),
            t('tokens.fields.prefix'),
            t('tokens.fields.createdAt'),
            t('tokens.fields.lastUsedAt'),
            t('tokens.fields.expiresAt'),
            t('tokens.fields.status'),
            t('common.actions'),
          ]}
        >
          {tokens.data?.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td fw={500}>{token.name}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
              <Table.Td>
                {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}
              </Table.Td>
              <Table.Td>{token.expiresAt ? format.date(token.expiresAt) : t('tokens.noExpiry')}</Table.Td>
              <Table.Td>
                <TokenStatus token={token} />
              </Table.Td>
              <Table.Td>
                {!token.revokedAt && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => confirmRevoke(token)}
                    aria-label={t('tokens.revokeNamed', { name: token.name })}
                  >
                    {t('tokens.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      </ListPanel>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
};
