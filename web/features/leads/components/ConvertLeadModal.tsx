import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconTransform } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client.js';
import { errorMessage, notifySuccess, ruleMessage, translateCode } from '../../../components/errors.js';
import { useClient, type Client } from '../../clients/api.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { ClientPicker } from '../../supply-points/components/ClientPicker.js';
import { useConvertLead, type LeadDetail } from '../api.js';

/** A refusal names the record it came from (`client.companyId`, `case.type`): said in words, field by field. */
const ConvertProblems = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = isApiError(error) ? error.errors : [];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('leads.convert.failed')} role="alert">
      <Text size="sm">{errorMessage(t, error)}</Text>
      {problems.length > 0 && (
        <List size="sm" mt="xs">
          {problems.map((p) => {
            const [record, ...rest] = p.path.split('.');
            const known = record === 'client' || record === 'contact' || record === 'case';
            const field = known ? rest.join('.') : p.path;
            return (
              <List.Item key={`${p.path}-${p.code}`}>
                {t('leads.convert.problem', {
                  record: known ? t(`leads.convert.records.${record}`) : t('leads.convert.records.lead'),
                  field: translateCode(t, 'leads.fields', field) ?? field,
                  rule: ruleMessage(t, p.code),
                })}
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
};

type ConvertFormProps = { lead: LeadDetail; initialClient: Client | null; onClose: () => void };

const ConvertForm = ({ lead, initialClient, onClose }: ConvertFormProps) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const caseTypes = useCodeOptions('caseType');
  const [target, setTarget] = useState<'new' | 'existing'>(initialClient ? 'existing' : 'new');
  const [client, setClient] = useState<Client | null>(initialClient);
  const [createCase, setCreateCase] = useState(true);
  const [caseName, setCaseName] = useState(lead.name);
  const [caseType, setCaseType] = useState<string | null>('acquisition');
  const [commodity, setCommodity] = useState<string | null>(null);
  const [clientMissing, setClientMissing] = useState(false);
  const convert = useConvertLead(lead.id, {
    onSuccess: (answer) => {
      notifySuccess(t('leads.convert.done', { name: lead.name }));
      onClose();
      void navigate(answer.caseId ? `/cases/${answer.caseId}` : `/clients/${answer.clientId}`);
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (target === 'existing' && !client) {
      setClientMissing(true);
      return;
    }
    convert.mutate({
      version: lead.version,
      ...(target === 'existing' && client ? { clientId: client.id } : {}),
      createCase,
      ...(createCase
        ? {
            caseName: caseName.trim() || lead.name,
            caseType: caseType ?? 'acquisition',
            ...(commodity ? { commodity: commodity as 'electricity' | 'gas' | 'other' } : {}),
          }
        : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('leads.convert.title')}>
      <Stack gap="md">
        <Text size="sm">{t('leads.convert.intro')}</Text>
        <ConvertProblems error={convert.error} />
        <Radio.Group
          label={t('leads.convert.client')}
          value={target}
          onChange={(value) => setTarget(value as 'new' | 'existing')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="new" label={t('leads.convert.newClient', { name: lead.name })} />
            <Radio value="existing" label={t('leads.convert.existingClient')} />
          </Stack>
        </Radio.Group>
        {target === 'existing' && (
          <ClientPicker
            label={t('leads.convert.pickClient')}
            value={client}
            onChange={(picked) => {
              setClient(picked);
              setClientMissing(false);
            }}
            error={clientMissing ? t('leads.convert.clientRequired') : undefined}
            required
          />
        )}
        <Text size="xs" c="dimmed">
          {lead.contactFirstName && lead.contactLastName
            ? t('leads.convert.contactHint', { name: `${lead.contactFirstName} ${lead.contactLastName}` })
            : t('leads.convert.noContactHint')}
        </Text>
        <Checkbox
          label={t('leads.convert.createCase')}
          checked={createCase}
          onChange={(event) => setCreateCase(event.currentTarget.checked)}
        />
        {createCase && (
          <Stack gap="sm" pl="lg">
            <TextInput
              label={t('leads.convert.caseName')}
              value={caseName}
              onChange={(event) => setCaseName(event.currentTarget.value)}
              required
            />
            <Group grow>
              <Select
                label={t('leads.convert.caseType')}
                data={caseTypes}
                value={caseType}
                onChange={setCaseType}
                allowDeselect={false}
              />
              <Select
                label={t('leads.convert.commodity')}
                placeholder={t('leads.convert.commodityAuto')}
                data={(['electricity', 'gas', 'other'] as const).map((c) => ({
                  value: c,
                  label: t(`leads.convert.commodities.${c}`),
                }))}
                value={commodity}
                onChange={setCommodity}
                clearable
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t('leads.convert.carryOver', { count: lead.potentials.length })}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            leftSection={<IconTransform size={16} aria-hidden />}
            loading={convert.isPending}
          >
            {t('leads.convert.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Loads the client to convert into (from the duplicates or the lead's own link) before the form opens. */
const WithClient = ({
  clientId,
  children,
}: {
  clientId: string;
  children: (client: Client | null) => React.ReactNode;
}) => {
  const client = useClient(clientId);
  if (client.isPending) return null;
  return <>{children(client.data ?? null)}</>;
};

/**
 * Converts a qualified lead (SALES-2): a new client from the lead, or an existing one; its contact person as a
 * contact; optionally a business case carrying the potentials and total demand. All in one step on the server.
 */
export const ConvertLeadModal = ({
  lead,
  opened,
  onClose,
  clientId,
}: {
  lead: LeadDetail;
  opened: boolean;
  onClose: () => void;
  clientId: string | null;
}) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.convert.title')} size="lg">
      {opened &&
        (clientId ? (
          <WithClient clientId={clientId}>
            {(client) => <ConvertForm lead={lead} initialClient={client} onClose={onClose} />}
          </WithClient>
        ) : (
          <ConvertForm lead={lead} initialClient={null} onClose={onClose} />
        ))}
    </Modal>
  );
};
