import { LoadMoreButton } from '../../components/ListFooter.js';
import { Button, Center, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageError, PageLoader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { useContractList } from './api.js';
import { ContractForm } from './ContractForm.js';
import { ContractTable } from './components/ContractTable.js';
import { localToday } from './list-params.js';

/** The client card's "Contracts" tab: the client's contracts (archived too) and a new contract for this client. */
export const ClientContracts = ({ client }: { client: { id: string; name: string } }) => {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useContractList({ clientId: client.id, archived: 'all', sort: '-startDate' });
  const [creating, { open, close }] = useDisclosure(false);
  const contracts = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Button component={Link} to={`/contracts?q=${encodeURIComponent(client.name)}`} variant="subtle" size="xs" leftSection={<IconExternalLink size={14} aria-hidden />}>
          {t('contracts.client.all')}
        </Button>
        {can('contracts.write') && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={open}>
            {t('contracts.client.create')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Center>
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        </Center>
      ) : contracts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.client.empty')}
        </Text>
      ) : (
        <>
          <ContractTable contracts={contracts} showClient={false} today={localToday()} />
          <LoadMoreButton list={list} mt="sm" />
        </>
      )}
      <ContractForm opened={creating} onClose={close} client={client} onSaved={(saved) => void navigate(`/contracts/${saved.id}`)} />
    </>
  );
};
