import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useSignatureRequests, type SignatureRequestState } from '../api.js';

const colours: Record<SignatureRequestState, string> = { created: 'gray', sent: 'blue', viewed: 'indigo', signed: 'teal', rejected: 'red', expired: 'orange' };

/** The contract's signature requests with their states and dates, newest first; refreshed while one is out. */
export const SignaturePanel = ({ contractId, waiting }: { contractId: string; waiting: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const requests = useSignatureRequests(contractId, waiting);
  if (requests.isPending) return <PageLoader />;
  if (requests.isError) return <PageError error={requests.error} onRetry={() => void requests.refetch()} />;
  if (requests.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('contracts.signature.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {waiting && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('contracts.signature.waiting')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('contracts.signature.requests')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.fields.state')}</Table.Th>
              <Table.Th>{t('contracts.signature.signers')}</Table.Th>
              <Table.Th>{t('contracts.signature.createdAt')}</Table.Th>
              <Table.Th>{t('contracts.signature.stateChangedAt')}</Table.Th>
              <Table.Th>{t('contracts.signature.expiresAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.data.map((request) => (
              <Table.Tr key={request.id}>
                <Table.Td>
                  <Badge size="sm" variant="light" color={colours[request.state]} style={{ minWidth: 'max-content' }}>
                    {t(`contracts.signature.state.${request.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {request.signers.map((signer) => (
                    <Text key={signer.email} size="sm">
                      {signer.name}{' '}
                      <Text span size="xs" c="dimmed">
                        {signer.email}
                      </Text>
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{format.dateTime(request.createdAt)}</Table.Td>
                <Table.Td>{format.dateTime(request.stateChangedAt)}</Table.Td>
                <Table.Td>{format.date(request.expiresAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
};
