import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Decimal } from 'decimal.js';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { api, type ItemList } from '../../api/client.js';
import { ruleMessage } from '../../components/errors.js';
import type { FormErrors } from '../../components/form-types.js';
import { zodValidate } from '../../components/validation.js';
import { supplyPointKeys } from '../supply-points/api.js';
import { decimalPattern } from '../supply-points/list-params.js';
import { normaliseDecimal } from '../supply-points/supply-point-form.js';

export type Commodity = 'electricity' | 'gas';
export type CustomerCategory = 'household' | 'business';
export const customerCategories = ['household', 'business'] as const satisfies readonly CustomerCategory[];

/** A consumption band that selects a distribution tariff, with its validity and source (ENERGY-2). */
export type ConsumptionBand = {
  id: string;
  code: string;
  country: string;
  commodity: Commodity;
  customerCategory: CustomerCategory;
  territoryCode: string | null;
  lowerKWh: string;
  upperKWh: string | null;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  validFrom: string;
  validTo: string | null;
  source: string;
  version: number;
};

export type ConsumptionBandBody = Omit<ConsumptionBand, 'id' | 'version'>;
export type BandFilter = { country?: string | undefined; commodity?: Commodity | undefined };

export const bandKeys = {
  all: ['consumptionBands'] as const,
  list: (filter: BandFilter) => [...bandKeys.all, filter] as const,
};

export const useConsumptionBands = (filter: BandFilter) =>
  useQuery({
    queryKey: bandKeys.list(filter),
    queryFn: ({ signal }) => api.get<ItemList<ConsumptionBand>>('/consumption-bands', { ...filter }, signal),
    select: (page) => page.items,
  });

type Options = { onSuccess?: (band: ConsumptionBand) => void };

/** Any change to a band can move supply points to another band: their derived parameters are stale too. */
const useBandSave = <Body>(save: (body: Body) => Promise<ConsumptionBand>, options: Options) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (band) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: bandKeys.all }),
        queryClient.invalidateQueries({ queryKey: [...supplyPointKeys.all, 'derived'] }),
      ]);
      options.onSuccess?.(band);
    },
  });
};

export const useCreateBand = (options: Options = {}) =>
  useBandSave((body: ConsumptionBandBody) => api.post<ConsumptionBand>('/consumption-bands', body), options);

export const useUpdateBand = (options: Options = {}) =>
  useBandSave(
    ({ id, ...body }: Partial<ConsumptionBandBody> & { id: string; version: number }) =>
      api.patch<ConsumptionBand>(`/consumption-bands/${id}`, body),
    options,
  );

// ------------------------------------------------------------------------------------ display

export type Validity = 'current' | 'upcoming' | 'ended';

/** Whether a band applies on `today` (YYYY-MM-DD), starts later, or has ended; `validTo` is the last day. */
export const bandValidity = (
  band: Pick<ConsumptionBand, 'validFrom' | 'validTo'>,
  today: string,
): Validity => {
  if (band.validFrom > today) return 'upcoming';
  if (band.validTo !== null && band.validTo < today) return 'ended';
  return 'current';
};

/** Today as YYYY-MM-DD in the local calendar. */
export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** The interval in mathematical notation, so inclusivity is visible: "(20 000; 60 000] kWh", "[630 000; ∞)". */
export const bandInterval = (
  band: Pick<ConsumptionBand, 'lowerKWh' | 'upperKWh' | 'lowerInclusive' | 'upperInclusive'>,
  number: (value: string) => string,
): string =>
  `${band.lowerInclusive ? '[' : '('}${number(band.lowerKWh)}; ${
    band.upperKWh === null ? '∞)' : `${number(band.upperKWh)}${band.upperInclusive ? ']' : ')'}`
  }`;

// ------------------------------------------------------------------------------------ form

export type BandFormValues = {
  code: string;
  country: string | null;
  commodity: Commodity;
  customerCategory: CustomerCategory;
  territoryCode: string | null;
  lowerKWh: string;
  upperKWh: string;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  validFrom: string;
  validTo: string;
  source: string;
};

export const bandFormFields = [
  'code',
  'country',
  'commodity',
  'customerCategory',
  'territoryCode',
  'lowerKWh',
  'upperKWh',
  'lowerInclusive',
  'upperInclusive',
  'validFrom',
  'validTo',
  'source',
] as const;

export const emptyBandValues = (filter: BandFilter = {}): BandFormValues => ({
  code: '',
  country: filter.country ?? 'SK',
  commodity: filter.commodity ?? 'gas',
  customerCategory: 'household',
  territoryCode: null,
  lowerKWh: '',
  upperKWh: '',
  // Bands are usually "above the lower limit, up to and including the upper".
  lowerInclusive: false,
  upperInclusive: true,
  validFrom: '',
  validTo: '',
  source: '',
});

export const bandToValues = (band: ConsumptionBand): BandFormValues => ({
  code: band.code,
  country: band.country,
  commodity: band.commodity,
  customerCategory: band.customerCategory,
  territoryCode: band.territoryCode,
  lowerKWh: band.lowerKWh,
  upperKWh: band.upperKWh ?? '',
  lowerInclusive: band.lowerInclusive,
  upperInclusive: band.upperInclusive,
  validFrom: band.validFrom,
  validTo: band.validTo ?? '',
  source: band.source,
});

export const bandValuesToBody = (values: BandFormValues): ConsumptionBandBody => ({
  code: values.code.trim(),
  country: values.country ?? '',
  commodity: values.commodity,
  customerCategory: values.customerCategory,
  territoryCode: values.territoryCode || null,
  lowerKWh: normaliseDecimal(values.lowerKWh),
  upperKWh: normaliseDecimal(values.upperKWh) || null,
  lowerInclusive: values.lowerInclusive,
  upperInclusive: values.upperInclusive,
  validFrom: values.validFrom,
  validTo: values.validTo || null,
  source: values.source.trim(),
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const BandRules = z.object({
  code: z.string().trim().min(1).max(20),
  country: z
    .string()
    .nullable()
    .refine((value) => Boolean(value), { params: { rule: 'required' } }),
  source: z.string().trim().min(1).max(300),
});

/** The API's band rules: limits as decimals, upper above lower, validity not ending before it starts. */
export const validateBand = (t: TFunction) => {
  const fieldRules = zodValidate<BandFormValues>(BandRules, t);
  return (values: BandFormValues): FormErrors => {
    const errors: FormErrors = {};
    const lower = normaliseDecimal(values.lowerKWh);
    const upper = normaliseDecimal(values.upperKWh);
    if (!lower) errors.lowerKWh = ruleMessage(t, 'required');
    else if (!decimalPattern.test(lower)) errors.lowerKWh = ruleMessage(t, 'decimal');
    if (upper && !decimalPattern.test(upper)) errors.upperKWh = ruleMessage(t, 'decimal');
    else if (upper && decimalPattern.test(lower) && new Decimal(upper).lte(lower))
      errors.upperKWh = ruleMessage(t, 'not_above_lower');
    if (!values.validFrom) errors.validFrom = ruleMessage(t, 'required');
    else if (!isoDate.test(values.validFrom)) errors.validFrom = ruleMessage(t, 'invalid_format');
    if (values.validTo && !isoDate.test(values.validTo)) errors.validTo = ruleMessage(t, 'invalid_format');
    else if (values.validTo && values.validFrom && values.validTo < values.validFrom)
      errors.validTo = ruleMessage(t, 'before_valid_from');
    return { ...errors, ...fieldRules(values) };
  };
};
