import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowBackUp, IconDeviceFloppy, IconInfoCircle, IconWand } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { notifySuccess } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useCan } from '../../auth/api.js';
import type { SupplyPoint } from '../api.js';
import {
  decimalSeparator,
  emptyGrid,
  evenSplit,
  gridChanged,
  gridFromYear,
  gridToMonths,
  gridTotal,
  monthOfProblemPath,
  months,
  yearOptions,
  type ForecastGrid,
} from '../forecasts.js';
import { useForecasts, useSaveForecast, type ForecastYear } from '../meters-api.js';
import type { SupplyPointTabProps } from '../tabs.js';
import { formatQuantity, unitLabel } from '../display.js';

const monthNames = (locale: string): string[] => {
  const names = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return months.map((m) => names.format(new Date(Date.UTC(2000, m - 1, 1))));
};

type EditorProps = {
  supplyPoint: SupplyPoint;
  year: number;
  stored: ForecastYear | undefined;
  editable: boolean;
  onDirtyChange: (dirty: boolean) => void;
};

/** One year's twelve months; the grid is saved whole (PUT), empty months are removed. */
const YearEditor = ({ supplyPoint, year, stored, editable, onDirtyChange }: EditorProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const separator = useMemo(() => decimalSeparator(format.locale), [format.locale]);
  const storedGrid = useMemo(() => gridFromYear(stored, separator), [stored, separator]);
  const [grid, setGrid] = useState<ForecastGrid>(storedGrid);
  const [cellErrors, setCellErrors] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const names = useMemo(() => monthNames(format.locale), [format.locale]);
  const save = useSaveForecast(supplyPoint.id);
  const changed = gridChanged(grid, storedGrid, separator);
  const total = gridTotal(grid, separator);
  const annual = supplyPoint.annualConsumptionKWh;

  const update = (next: ForecastGrid) => {
    setGrid(next);
    setCellErrors({});
    setFailure(null);
    onDirtyChange(gridChanged(next, storedGrid, separator));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const { months: sent, invalid } = gridToMonths(grid, separator);
    if (invalid.length > 0) {
      setCellErrors(Object.fromEntries(invalid.map((m) => [m, t('supplyPoints.forecasts.invalidQuantity')])));
      return;
    }
    save.mutate(
      { year, months: sent },
      {
        onSuccess: (saved) => {
          const fresh = gridFromYear(saved, separator);
          setGrid(fresh);
          onDirtyChange(false);
          notifySuccess(t('supplyPoints.forecasts.saved', { year }));
        },
        onError: (error) => {
          const errors: Record<number, string> = {};
          for (const problem of isApiError(error) ? error.errors : []) {
            const month = monthOfProblemPath(problem.path, sent);
            if (month) errors[month] = t('supplyPoints.forecasts.invalidQuantity');
          }
          setCellErrors(errors);
          setFailure(error);
        },
      },
    );
  };

  const businessOnly =
    isApiError(failure) && failure.errors.some((problem) => problem.code === 'business_only');

  return (
    <form onSubmit={submit} noValidate aria-label={t('supplyPoints.forecasts.gridLabel', { year })}>
      <Stack gap="md">
        {businessOnly ? (
          <Alert color="orange" icon={<IconInfoCircle size={18} />}>
            {t('supplyPoints.forecasts.businessOnlyText')}
          </Alert>
        ) : (
          <FormAlert error={failure} />
        )}
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: 6 }} spacing="sm" verticalSpacing="sm">
          {months.map((month, index) => (
            <TextInput
              key={month}
              label={names[index]}
              value={grid[index] ?? ''}
              onChange={(event) => {
                const next = [...grid];
                next[index] = event.currentTarget.value;
                update(next);
              }}
              readOnly={!editable}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0"
              error={cellErrors[month]}
              rightSection={
                <Text span size="xs" c="dimmed" aria-hidden>
                  {unitLabel('kWh')}
                </Text>
              }
              rightSectionWidth={42}
              styles={{ input: { textAlign: 'right' } }}
            />
          ))}
        </SimpleGrid>
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={0}>
              <Text size="sm" fw={600} aria-live="polite">
                {t('supplyPoints.forecasts.total', { year, total: formatQuantity(format, total, 'kWh') })}
              </Text>
              <Text size="xs" c="dimmed">
                {annual
                  ? t('supplyPoints.forecasts.annualOnCard', {
                      annual: formatQuantity(format, annual, 'kWh'),
                    })
                  : t('supplyPoints.forecasts.noAnnual')}
              </Text>
            </Stack>
            {editable && (
              <Group gap="xs" wrap="wrap">
                {annual && (
                  <Button
                    variant="subtle"
                    size="sm"
                    leftSection={<IconWand size={16} aria-hidden />}
                    onClick={() => update(evenSplit(annual, separator))}
                  >
                    {t('supplyPoints.forecasts.fillEvenly')}
                  </Button>
                )}
                <Button variant="subtle" size="sm" color="gray" onClick={() => update(emptyGrid())}>
                  {t('supplyPoints.forecasts.clear')}
                </Button>
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconArrowBackUp size={16} aria-hidden />}
                  disabled={!changed}
                  onClick={() => update(storedGrid)}
                >
                  {t('supplyPoints.forecasts.discard')}
                </Button>
                <Button
                  type="submit"
                  size="sm"
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                  disabled={!changed}
                  loading={save.isPending}
                >
                  {t('supplyPoints.forecasts.save')}
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
      </Stack>
    </form>
  );
};

const BusinessClientsOnly = ({ supplyPoint }: { supplyPoint: SupplyPoint }) => {
  const { t } = useTranslation();
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconInfoCircle size={18} />}
      title={t('supplyPoints.forecasts.businessOnlyTitle')}
    >
      <Text size="sm">{t('supplyPoints.forecasts.householdText', { name: supplyPoint.holder.name })}</Text>
    </Alert>
  );
};

/**
 * Expected consumption by month for one year at a time (business clients only: for a household the tab explains
 * why there is nothing, without asking the server).
 */
export const ForecastsTab = ({ supplyPoint }: SupplyPointTabProps) => {
  const { t } = useTranslation();
  const can = useCan();
  const business = supplyPoint.holder.kind === 'company';
  const forecasts = useForecasts(supplyPoint.id, business);
  const currentYear = new Date().getFullYear();
  const [year, setYear] = useState(currentYear);
  const [dirty, setDirty] = useState(false);
  const editable = can('clients.write') && !supplyPoint.archivedAt;

  if (!business) return <BusinessClientsOnly supplyPoint={supplyPoint} />;
  if (forecasts.isPending) return <PageLoader />;
  if (forecasts.isError)
    return <PageError error={forecasts.error} onRetry={() => void forecasts.refetch()} />;
  const items = forecasts.data;
  const stored = items.find((item) => item.year === year);
  const years = yearOptions(
    currentYear,
    items.map((item) => item.year),
  );

  const chooseYear = (value: string | null) => {
    const next = Number(value);
    if (!value || next === year) return;
    const go = () => {
      setDirty(false);
      setYear(next);
    };
    if (!dirty) return go();
    modals.openConfirmModal({
      title: t('supplyPoints.forecasts.discardTitle'),
      children: <Text size="sm">{t('supplyPoints.forecasts.discardText', { year })}</Text>,
      labels: { confirm: t('supplyPoints.forecasts.discardConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: go,
    });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {t('supplyPoints.forecasts.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('supplyPoints.forecasts.hint')}
          </Text>
        </Stack>
        <Select
          label={t('supplyPoints.forecasts.year')}
          data={years.map((y) => ({
            value: String(y),
            label: items.some((item) => item.year === y)
              ? t('supplyPoints.forecasts.yearWithData', { year: y })
              : String(y),
          }))}
          value={String(year)}
          onChange={chooseYear}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {!stored && (
        <Text size="sm" c="dimmed">
          {t('supplyPoints.forecasts.emptyYear', { year })}
        </Text>
      )}
      <YearEditor
        key={year}
        supplyPoint={supplyPoint}
        year={year}
        stored={stored}
        editable={editable}
        onDirtyChange={setDirty}
      />
    </Stack>
  );
};
