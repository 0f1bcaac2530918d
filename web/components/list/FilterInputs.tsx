import { Select, TextInput, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type FilterOption = { value: string; label: string };

type FilterSelectProps = Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  /** The value in the address. */
  value: string | undefined;
  onChange: (value: string | null) => void;
  data: FilterOption[];
};

/** A list's filter choice, "Any" until one is chosen; clearing it turns the filter off. Long lists can be searched. */
export const FilterSelect = ({ value, onChange, data, ...props }: FilterSelectProps) => {
  const { t } = useTranslation();
  return (
    <Select
      placeholder={t('common.any')}
      clearable
      searchable={data.length > 6}
      size="sm"
      {...props}
      data={data}
      value={value ?? null}
      onChange={(chosen) => onChange(chosen)}
    />
  );
};

/**
 * `select(key, label, options)`: a FilterSelect of the address parameter `key`, `width` wide unless the last argument
 * says otherwise.
 */
export const filterSelect =
  <K extends string>(
    values: Partial<Record<K, string>>,
    onChange: (changes: Partial<Record<K, string | null>>) => void,
    width: number | string,
  ) =>
  (key: K, label: string, data: FilterOption[], props: Partial<FilterSelectProps> = {}) => (
    <FilterSelect
      label={label}
      data={data}
      value={values[key]}
      onChange={(value) => onChange({ [key]: value } as Partial<Record<K, string | null>>)}
      w={width}
      {...props}
    />
  );

/** "Archived": hidden by default, or only the archived, or all. `texts` is the list's i18n prefix. */
export const ArchivedFilter = ({
  texts,
  ...props
}: { texts: string } & Omit<FilterSelectProps, 'data' | 'label' | 'placeholder'>) => {
  const { t } = useTranslation();
  return (
    <FilterSelect
      label={t(`${texts}.archivedFilter`)}
      placeholder={t(`${texts}.archivedNone`)}
      data={[
        { value: 'true', label: t(`${texts}.archivedOnly`) },
        { value: 'all', label: t(`${texts}.archivedAll`) },
      ]}
      {...props}
    />
  );
};

/** A calendar day filter (from, to) as the address keeps it, YYYY-MM-DD. */
export const FilterDate = ({
  label,
  value,
  onChange,
  w,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
  w: number | string;
}) => (
  <TextInput
    label={label}
    type="date"
    value={value ?? ''}
    onChange={(event) => onChange(event.currentTarget.value || null)}
    w={w}
    size="sm"
  />
);
