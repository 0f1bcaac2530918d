import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { LeadDetail } from '../api.js';
import { contactName } from '../display.js';

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed" fw={500}>
      {label}
    </Text>
    <Text size="sm" component="div">
      {children === null || children === undefined || children === '' ? '—' : children}
    </Text>
  </Stack>
);

/** A link to what the lead belongs to or became; a record outside the user's rights shows without a name. */
const RecordLink = ({ to, name }: { to: string; name: string | null }) => {
  const { t } = useTranslation();
  return name ? (
    <Anchor component={Link} to={to}>
      {name}
    </Anchor>
  ) : (
    <Text size="sm" c="dimmed" component="span">
      {t('leads.detail.hiddenRecord')}
    </Text>
  );
};

export const LeadOverview = ({ lead }: { lead: LeadDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const industry = useCodeLabel('industry');
  const { links } = lead;
  const attributes = Object.entries(lead.attributes);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Item label={t('leads.fields.companyId')}>{lead.companyId}</Item>
        <Item label={t('leads.fields.country')}>{format.country(lead.country)}</Item>
        <Item label={t('leads.fields.industry')}>{lead.industry ? industry(lead.industry) : null}</Item>
        <Item label={t('leads.fields.email')}>
          {lead.email && <Anchor href={`mailto:${lead.email}`}>{lead.email}</Anchor>}
        </Item>
        <Item label={t('leads.fields.phone')}>
          {lead.phone && <Anchor href={`tel:${lead.phone}`}>{lead.phone}</Anchor>}
        </Item>
        <Item label={t('leads.fields.contact')}>
          {[contactName(lead), lead.contactFunction].filter(Boolean).join(', ')}
        </Item>
        <Item label={t('leads.fields.address')}>
          {[lead.address.street, [lead.address.postalCode, lead.address.city].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', ')}
        </Item>
        <Item label={t('leads.fields.source')}>
          {lead.source === 'manual' ? t('leads.sourceManual') : lead.source}
        </Item>
        <Item label={t('leads.fields.campaign')}>
          {[lead.campaign, lead.channel].filter(Boolean).join(' · ')}
        </Item>
        <Item label={t('leads.fields.marketingConsent')}>{t(`leads.consent.${lead.marketingConsent}`)}</Item>
        <Item label={t('leads.fields.lastActivityAt')}>
          {lead.lastActivityAt ? format.dateTime(lead.lastActivityAt) : null}
        </Item>
        <Item label={t('leads.fields.nextActivityAt')}>
          {lead.nextActivityAt ? format.dateTime(lead.nextActivityAt) : null}
        </Item>
        {links.client && (
          <Item label={t('leads.fields.client')}>
            {<RecordLink to={`/clients/${links.client.id}`} name={links.client.name} />}
          </Item>
        )}
        {links.convertedCase && (
          <Item label={t('leads.fields.convertedCase')}>
            {<RecordLink to={`/cases/${links.convertedCase.id}`} name={links.convertedCase.name} />}
          </Item>
        )}
        {lead.convertedAt && (
          <Item label={t('leads.fields.convertedAt')}>{format.dateTime(lead.convertedAt)}</Item>
        )}
        {links.mergedInto && (
          <Item label={t('leads.fields.mergedInto')}>
            {<RecordLink to={`/leads/${links.mergedInto.id}`} name={links.mergedInto.name} />}
          </Item>
        )}
        {lead.disqualifiedReason && (
          <Item label={t('leads.fields.disqualifiedReason')}>{lead.disqualifiedReason}</Item>
        )}
      </SimpleGrid>
      {lead.note && <Item label={t('leads.fields.note')}>{lead.note}</Item>}
      {attributes.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h6">
            {t('leads.fields.attributes')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
            {attributes.map(([key, value]) => (
              <Item key={key} label={key}>
                {value}
              </Item>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
};
