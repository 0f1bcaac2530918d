import { Button, CloseButton, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueueRecordType } from '../api.js';
import { isFiltered, noFilter, type QueueFilter } from '../queue-list.js';

type QueueFiltersProps = {
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  /** The rules the shown items came from; the rule filter appears when there is more than one. */
  rules: { id: string; name: string }[];
};

/** Search within the queue, and narrow it to leads or cases and to one rule. */
export const QueueFilters = ({ filter, onChange, rules }: QueueFiltersProps) => {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t('queues.filters.search')}
        placeholder={t('queues.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter.q}
        onChange={(event) => onChange({ ...filter, q: event.currentTarget.value })}
        rightSection={
          filter.q ? (
            <CloseButton
              size="sm"
              aria-label={t('queues.filters.clearSearch')}
              onClick={() => onChange({ ...filter, q: '' })}
            />
          ) : null
        }
        w={260}
      />
      <SegmentedControl
        aria-label={t('queues.filters.recordType')}
        value={filter.recordType ?? 'all'}
        onChange={(value) =>
          onChange({ ...filter, recordType: value === 'all' ? null : (value as QueueRecordType) })
        }
        data={[
          { value: 'all', label: t('queues.filters.allRecords') },
          { value: 'lead', label: t('queues.filters.leads') },
          { value: 'case', label: t('queues.filters.cases') },
        ]}
      />
      {(rules.length > 1 || filter.ruleId !== null) && (
        <Select
          label={t('queues.filters.rule')}
          placeholder={t('queues.filters.anyRule')}
          data={rules.map((rule) => ({ value: rule.id, label: rule.name }))}
          value={filter.ruleId}
          onChange={(value) => onChange({ ...filter, ruleId: value })}
          clearable
          w={220}
        />
      )}
      {isFiltered(filter) && (
        <Button variant="subtle" onClick={() => onChange(noFilter)}>
          {t('queues.filters.clear')}
        </Button>
      )}
    </Group>
  );
};
