import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import type { Rule } from '../api.js';
import { basisText, payoutText, scopeText } from './describe.js';

type Props = { rules: Rule[]; currency: string; onEdit: (rule: Rule) => void; onArchive: (rule: Rule) => void };

export const RuleTable = ({ rules, currency, onEdit, onArchive }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover striped="even" aria-label={t('commissions.rules.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('commissions.rules.fields.name')}</Table.Th>
            <Table.Th>{t('commissions.fields.kind')}</Table.Th>
            <Table.Th>{t('commissions.rules.fields.scope')}</Table.Th>
            <Table.Th>{t('commissions.rules.fields.validity')}</Table.Th>
            <Table.Th>{t('commissions.rules.fields.basis')}</Table.Th>
            <Table.Th>{t('commissions.rules.fields.payoutModel')}</Table.Th>
            <Table.Th>{t('commissions.rules.fields.clawback')}</Table.Th>
            <Table.Th w={90}>
              <Text size="sm" fw={600} span>
                {t('common.actions')}
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm" fw={500}>
                    {rule.name}
                  </Text>
                  {rule.inUse && (
                    <Badge size="xs" variant="light" color="blue" style={{ flexShrink: 0 }}>
                      {t('commissions.rules.inUse')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{t(`commissions.kind.${rule.kind}`)}</Table.Td>
              <Table.Td>{scopeText(t, format, rule)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {format.date(rule.validFrom)} – {rule.validTo ? format.date(rule.validTo) : t('commissions.rules.openEnded')}
              </Table.Td>
              <Table.Td>{basisText(t, format, rule.basis, currency)}</Table.Td>
              <Table.Td>{payoutText(t, rule.payoutModel)}</Table.Td>
              <Table.Td>{t(`commissions.rules.clawback.${rule.clawback}`)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('common.edit')}>
                    <ActionIcon variant="subtle" aria-label={t('commissions.rules.editNamed', { name: rule.name })} onClick={() => onEdit(rule)}>
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('commissions.rules.archive')}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('commissions.rules.archiveNamed', { name: rule.name })} onClick={() => onArchive(rule)}>
                      <IconArchive size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
