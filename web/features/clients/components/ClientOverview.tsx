import { Anchor, Box, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import { useTeams, useUsers } from '../../admin/api.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { Client } from '../api.js';

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Text component="dt" size="xs" c="dimmed" fw={500}>
      {label}
    </Text>
    <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
      {children === null || children === undefined || children === '' ? '—' : children}
    </Text>
  </Box>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Stack gap="xs">
    <Title order={3} size="h5">
      {title}
    </Title>
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
      {children}
    </SimpleGrid>
  </Stack>
);

/** Everything stored on the client, grouped as on the form. */
export const ClientOverview = ({ client }: { client: Client }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const relationship = useCodeLabel('relationshipType');
  const area = useCodeLabel('businessArea');
  const industry = useCodeLabel('industry');
  const teams = useTeams();
  const users = useUsers();
  const teamName = teams.data?.find((team) => team.id === client.teamId)?.name;
  const responsibleName = users.data?.find((user) => user.id === client.responsibleUserId)?.name;
  const { address } = client;
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');

  return (
    <Stack gap="lg">
      <Section title={t('clients.form.sections.general')}>
        <Field label={t('clients.fields.kind')}>
          {client.kind === 'company' ? t('clients.kind.company') : t('clients.kind.person')}
        </Field>
        <Field label={t('clients.fields.status')}>
          {client.status === 'active' ? t('clients.status.active') : t('clients.status.passive')}
        </Field>
        <Field label={t('clients.fields.country')}>{format.country(client.country)}</Field>
        <Field label={t('clients.fields.relationshipType')}>{relationship(client.relationshipType)}</Field>
        <Field label={t('clients.fields.businessArea')}>{area(client.businessArea)}</Field>
        <Field label={t('clients.fields.industry')}>{industry(client.industry)}</Field>
      </Section>
      <Section title={t('clients.form.sections.identifiers')}>
        <Field label={t('clients.fields.companyId')}>{client.companyId}</Field>
        <Field label={t('clients.fields.taxId')}>{client.taxId}</Field>
        <Field label={t('clients.fields.vatId')}>{client.vatId}</Field>
      </Section>
      <Section title={t('clients.form.sections.contact')}>
        <Field label={t('clients.fields.email')}>
          {client.email && <Anchor href={`mailto:${client.email}`}>{client.email}</Anchor>}
        </Field>
        <Field label={t('clients.fields.phone')}>
          {client.phone && <Anchor href={`tel:${client.phone}`}>{client.phone}</Anchor>}
        </Field>
        <Field label={t('clients.fields.website')}>
          {client.website && (
            <Anchor href={client.website} target="_blank" rel="noopener noreferrer">
              {client.website}
            </Anchor>
          )}
        </Field>
      </Section>
      <Section title={t('clients.form.sections.address')}>
        <Field label={t('clients.fields.street')}>{address.street}</Field>
        <Field label={t('clients.fields.city')}>{cityLine}</Field>
        <Field label={t('clients.fields.addressCountry')}>{format.country(address.country)}</Field>
      </Section>
      <Section title={t('clients.form.sections.finance')}>
        <Field label={t('clients.fields.creditRating')}>{client.creditRating}</Field>
        <Field label={t('clients.fields.debtorNumber')}>{client.debtorNumber}</Field>
        <Field label={t('clients.fields.creditorNumber')}>{client.creditorNumber}</Field>
      </Section>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('clients.fields.note')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={client.note ? undefined : 'dimmed'}>
          {client.note ?? '—'}
        </Text>
      </Stack>
      <Section title={t('clients.form.sections.record')}>
        <Field label={t('clients.fields.team')}>{teamName}</Field>
        <Field label={t('clients.fields.responsibleUser')}>{responsibleName}</Field>
        <Field label={t('clients.fields.createdAt')}>{format.dateTime(client.createdAt)}</Field>
        <Field label={t('clients.fields.updatedAt')}>{format.dateTime(client.updatedAt)}</Field>
        {client.archivedAt && (
          <Field label={t('clients.fields.archivedAt')}>{format.dateTime(client.archivedAt)}</Field>
        )}
      </Section>
    </Stack>
  );
};
