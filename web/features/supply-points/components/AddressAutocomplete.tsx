import { Autocomplete, Group, Loader, Stack, Text, type AutocompleteProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddressSuggestions, type AddressSuggestion } from '../api.js';
import { streetLine } from '../supply-point-form.js';

type AddressAutocompleteProps = Omit<
  AutocompleteProps,
  'data' | 'value' | 'onChange' | 'onOptionSubmit' | 'filter' | 'renderOption'
> & {
  value: string;
  onChange: (value: string) => void;
  /** A suggestion was chosen: the caller fills street, city, postal code and country from it. */
  onPick: (suggestion: AddressSuggestion) => void;
};

/**
 * The street input with address suggestions while typing (ENERGY-3), asked 250 ms after the last key. When
 * the geocoder is not available it is a plain input with a short note; the address is then saved as typed.
 */
export const AddressAutocomplete = ({
  value,
  onChange,
  onPick,
  description,
  ...props
}: AddressAutocompleteProps) => {
  const { t, i18n } = useTranslation();
  // The text a suggestion put in: asking again for it would only reopen the same suggestions.
  const [picked, setPicked] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(value.trim(), 250);
  const query = debounced === picked ? '' : debounced;
  const suggestions = useAddressSuggestions(query, i18n.language);
  const answer = query.length >= 3 ? suggestions.data : undefined;
  const items = answer?.items ?? [];
  const unavailable = answer?.available === false;

  return (
    <Autocomplete
      {...props}
      value={value}
      onChange={onChange}
      autoComplete="off"
      data={items.map((item, index) => ({ value: String(index), label: streetLine(item) }))}
      // The geocoder has already matched what was typed; the options are not filtered again.
      filter={({ options }) => options}
      onOptionSubmit={(index) => {
        const item = items[Number(index)];
        if (!item) return;
        setPicked(streetLine(item));
        onPick(item);
      }}
      renderOption={({ option }) => {
        const item = items[Number(option.value)];
        return (
          <Group gap="xs" wrap="nowrap">
            <IconMapPin size={16} aria-hidden style={{ flexShrink: 0, opacity: 0.6 }} />
            <Stack gap={0}>
              <Text size="sm">{item ? streetLine(item) : option.value}</Text>
              {item && (
                <Text size="xs" c="dimmed">
                  {[item.postalCode, item.city, item.country].filter(Boolean).join(' ')}
                </Text>
              )}
            </Stack>
          </Group>
        );
      }}
      rightSection={suggestions.isFetching && query.length >= 3 ? <Loader size={14} /> : undefined}
      description={unavailable ? t('supplyPoints.address.checkingUnavailable') : description}
      comboboxProps={{ withinPortal: true, ...props.comboboxProps }}
    />
  );
};
