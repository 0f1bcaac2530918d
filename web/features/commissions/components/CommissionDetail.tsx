import { Anchor, Badge, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import type { Commission } from '../api.js';
import { EventLabel } from './EventLabel.js';
import { money } from './money.js';

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm">{children === null || children === undefined || children === '' ? '—' : children}</Text>
  </Stack>
);

/** Everything one amount came from (COMM-5 traceability): rule, contract, supply point, consumption, computation, payouts. */
export const CommissionDetail = ({ commission: c }: { commission: Commission }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" p="xs" aria-label={t('commissions.detail.label', { number: c.contractNumber })}>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        <Field label={t('commissions.fields.rule')}>{c.ruleName}</Field>
        <Field label={t('commissions.fields.contract')}>
          <Anchor component={Link} to={`/contracts/${c.contractId}`} size="sm" ff="monospace">
            {c.contractNumber}
          </Anchor>
        </Field>
        <Field label={t('commissions.fields.signedOn')}>{c.signedOn ? format.date(c.signedOn) : null}</Field>
        <Field label={t('commissions.fields.client')}>{c.clientName}</Field>
        <Field label={t('commissions.fields.supplyPoint')}>
          <Anchor component={Link} to={`/supply-points/${c.supplyPointId}`} size="sm" ff="monospace">
            {c.supplyPointIdentifier}
          </Anchor>
        </Field>
        <Field label={t('commissions.fields.annualMWh')}>{c.annualMWh === null ? null : format.number(c.annualMWh)}</Field>
        <Field label={t('commissions.fields.band')}>{c.band}</Field>
        <Field label={t('commissions.fields.deliveryMonths')}>{c.deliveryMonths}</Field>
        {c.deliveredMonths !== null && <Field label={t('commissions.fields.deliveredMonths')}>{c.deliveredMonths}</Field>}
        <Field label={t('commissions.fields.margin')}>{money(format, c.margin, c.currency)}</Field>
        <Field label={t('commissions.fields.explanation')}>
          <Text span size="sm" ff="monospace">
            {c.explanation}
          </Text>
        </Field>
        <Field label={t('commissions.fields.baseAmount')}>{money(format, c.baseAmount, c.currency)}</Field>
        <Field label={t('commissions.fields.share')}>{c.share === null ? null : `${format.number(c.share)} %`}</Field>
        <Field label={t('commissions.fields.amount')}>
          <Text span fw={700} size="sm">
            {money(format, c.amount, c.currency)}
          </Text>
        </Field>
      </SimpleGrid>
      <Table withTableBorder fz="sm" aria-label={t('commissions.fields.payouts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('commissions.fields.position')}</Table.Th>
            <Table.Th>{t('commissions.fields.event')}</Table.Th>
            <Table.Th>{t('commissions.fields.dueOn')}</Table.Th>
            <Table.Th ta="right">{t('commissions.fields.amount')}</Table.Th>
            <Table.Th>{t('commissions.detail.statement')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.payouts.map((p) => (
            <Table.Tr key={p.position}>
              <Table.Td>{p.position}</Table.Td>
              <Table.Td>
                <EventLabel event={p.event} months={p.months} cancelsPosition={p.cancelsPosition} />
              </Table.Td>
              <Table.Td>{p.dueOn ? format.date(p.dueOn) : t('commissions.detail.notDueYet')}</Table.Td>
              <Table.Td ta="right">{money(format, p.amount, c.currency)}</Table.Td>
              <Table.Td>
                {p.statementId ? (
                  <Badge color="teal" variant="light" size="sm">
                    {t('commissions.detail.inStatement')}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('commissions.detail.notInStatement')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
};
