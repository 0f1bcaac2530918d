import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';
import { supplyPointKeys } from './api.js';

/** A metering device at a supply point (ENERGY-5); a replaced meter keeps its readings and gets `removedOn`. */
export type Meter = {
  id: string;
  ownerId: string;
  supplyPointId: string;
  number: string;
  /** Code list meterType. */
  type: string;
  /** Tariff registers read on this meter, e.g. ["VT", "NT"]. */
  registers: string[];
  /** ISO dates (YYYY-MM-DD). */
  installedOn: string;
  removedOn: string | null;
  verificationDueOn: string | null;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type MeterInput = {
  number: string;
  type: string;
  registers: string[];
  installedOn: string;
  removedOn: string | null;
  verificationDueOn: string | null;
  note: string | null;
};

export const readingSources = ['distributor', 'customer', 'estimate'] as const;
export type ReadingSource = (typeof readingSources)[number];

export type Reading = {
  id: string;
  meterId: string;
  readOn: string;
  register: string;
  /** Decimal as text ("15234.5"). */
  value: string;
  source: ReadingSource;
  /** The previous reading of the same register on this meter; null for its first reading. */
  previousReadOn: string | null;
  /** Consumption since the previous reading of the register; null for the first. */
  consumption: string | null;
  createdAt: string;
  createdBy: string | null;
};

export type ReadingInput = { readOn: string; register: string; value: string; source: ReadingSource };

export type ForecastMonth = { month: number; quantityKWh: string };
export type ForecastYear = { year: number; months: ForecastMonth[]; totalKWh: string };

export type Reminder = {
  id: string;
  /** e.g. `meter.verification_due`. */
  kind: string;
  subjectType: string;
  subjectId: string;
  dueOn: string;
  /** The meter's supply point, its identifier and the meter's number; null when the subject is not a meter
   * or is no longer within the user's rights. */
  supplyPointId: string | null;
  supplyPointIdentifier: string | null;
  meterNumber: string | null;
  /** The contract of a contract reminder and its number; null otherwise or outside the user's rights. */
  contractId: string | null;
  contractNumber: string | null;
  createdAt: string;
  doneAt: string | null;
};

export const meterKeys = {
  all: ['meters'] as const,
  ofSupplyPoint: (supplyPointId: string) => [...meterKeys.all, 'supplyPoint', supplyPointId] as const,
  detail: (id: string) => [...meterKeys.all, 'detail', id] as const,
  readings: (meterId: string) => [...meterKeys.all, 'readings', meterId] as const,
  forecasts: (supplyPointId: string) => ['forecasts', supplyPointId] as const,
  reminders: ['reminders'] as const,
};

export const useMeters = (supplyPointId: string) =>
  useQuery({
    queryKey: meterKeys.ofSupplyPoint(supplyPointId),
    queryFn: ({ signal }) =>
      api.get<ItemList<Meter>>(`/supply-points/${supplyPointId}/meters`, undefined, signal),
    select: (page) => page.items,
  });

export const fetchMeter = (id: string, signal?: AbortSignal) =>
  api.get<Meter>(`/meters/${id}`, undefined, signal);

/** Meters and readings show in the supply point's history: a change there makes it stale. */
const historyKey = (supplyPointId: string) => supplyPointKeys.history(supplyPointId);

type MeterOptions = { onSuccess?: (meter: Meter) => void };

export const useCreateMeter = (supplyPointId: string, options: MeterOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeterInput) => api.post<Meter>(`/supply-points/${supplyPointId}/meters`, body),
    onSuccess: async (meter) => {
      queryClient.setQueryData(meterKeys.detail(meter.id), meter);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meterKeys.ofSupplyPoint(supplyPointId) }),
        queryClient.invalidateQueries({ queryKey: historyKey(supplyPointId) }),
      ]);
      options.onSuccess?.(meter);
    },
  });
};

export const useUpdateMeter = (meterId: string, options: MeterOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<MeterInput> & { version: number }) =>
      api.patch<Meter>(`/meters/${meterId}`, body),
    onSuccess: async (meter) => {
      queryClient.setQueryData(meterKeys.detail(meter.id), meter);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meterKeys.ofSupplyPoint(meter.supplyPointId) }),
        queryClient.invalidateQueries({ queryKey: historyKey(meter.supplyPointId) }),
        // A new verification date may end (or start) a reminder.
        queryClient.invalidateQueries({ queryKey: meterKeys.reminders }),
      ]);
      options.onSuccess?.(meter);
    },
  });
};

export const useReadings = (meterId: string) =>
  useQuery({
    queryKey: meterKeys.readings(meterId),
    queryFn: ({ signal }) => api.get<ItemList<Reading>>(`/meters/${meterId}/readings`, undefined, signal),
    select: (page) => page.items,
  });

export const useCreateReading = (meter: Meter, options: { onSuccess?: (reading: Reading) => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReadingInput) => api.post<Reading>(`/meters/${meter.id}/readings`, body),
    onSuccess: async (reading) => {
      await Promise.all([
        // A reading between two others changes the consumption of the later one: the whole list reloads.
        queryClient.invalidateQueries({ queryKey: meterKeys.readings(meter.id) }),
        queryClient.invalidateQueries({ queryKey: historyKey(meter.supplyPointId) }),
      ]);
      options.onSuccess?.(reading);
    },
  });
};

/** Every stored forecast year of the supply point (the tab shows one of them). */
export const useForecasts = (supplyPointId: string, enabled: boolean) =>
  useQuery({
    queryKey: meterKeys.forecasts(supplyPointId),
    queryFn: ({ signal }) =>
      api.get<ItemList<ForecastYear>>(`/supply-points/${supplyPointId}/forecasts`, undefined, signal),
    select: (page) => page.items,
    enabled,
  });

export const useSaveForecast = (
  supplyPointId: string,
  options: { onSuccess?: (year: ForecastYear) => void } = {},
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; months: ForecastMonth[] }) =>
      api.put<ForecastYear>(`/supply-points/${supplyPointId}/forecasts`, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData<ItemList<ForecastYear>>(meterKeys.forecasts(supplyPointId), (old) => {
        if (!old) return old;
        const others = old.items.filter((item) => item.year !== saved.year);
        const items = saved.months.length > 0 ? [...others, saved] : others;
        return { items: items.sort((a, b) => a.year - b.year) };
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meterKeys.forecasts(supplyPointId) }),
        queryClient.invalidateQueries({ queryKey: historyKey(supplyPointId) }),
      ]);
      options.onSuccess?.(saved);
    },
  });
};

// ------------------------------------------------------------------------------------ reminders

export const useReminders = (enabled: boolean) =>
  useQuery({
    queryKey: meterKeys.reminders,
    queryFn: ({ signal }) => api.get<ItemList<Reminder>>('/reminders', undefined, signal),
    select: (page) => page.items,
    enabled,
    // Reminders come from a daily job: a few minutes late is soon enough, without a request per page.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });

export const useReminderDone = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Reminder>(`/reminders/${id}/done`),
    onSuccess: async (done) => {
      queryClient.setQueryData<ItemList<Reminder>>(meterKeys.reminders, (old) =>
        old ? { items: old.items.filter((item) => item.id !== done.id) } : old,
      );
      await queryClient.invalidateQueries({ queryKey: meterKeys.reminders });
    },
  });
};
