import { useRefreshingMutation } from '../../api/mutations.js';
import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type Page, type QueryParams } from '../../api/client.js';
import { useHistoryQuery } from '../../components/detail/api.js';
import type { PotentialCommodity, PriceModel, QuantityUnit } from '../../../domain/leads/lead-rules.js';
import type { DuplicateKeyField } from '../../../domain/leads/duplicate-keys.js';

export type LeadStatus = 'new' | 'qualified' | 'disqualified' | 'converted';
export type MarketingConsent = 'granted' | 'refused' | 'unknown';
export const leadStatuses: readonly LeadStatus[] = ['new', 'qualified', 'disqualified', 'converted'];

export type Potential = {
  id: string;
  commodity: PotentialCommodity;
  territoryCode: string | null;
  supplyPointIdentifier: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  priceModel: PriceModel | null;
  quantity: string | null;
  quantityUnit: QuantityUnit | null;
};

export type FieldWarning = { path: string; code: string; message: string };

export type Lead = {
  id: string;
  ownerId: string;
  kind: 'company' | 'person';
  name: string;
  country: string;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  contactFirstName: string | null;
  contactLastName: string | null;
  contactFunction: string | null;
  address: { street: string | null; city: string | null; postalCode: string | null };
  industry: string | null;
  status: LeadStatus;
  disqualifiedReason: string | null;
  priority: number;
  source: string;
  importId: string | null;
  campaign: string | null;
  channel: string | null;
  marketingConsent: MarketingConsent;
  attributes: Record<string, string>;
  totalDemand: string | null;
  totalDemandUnit: QuantityUnit | null;
  clientId: string | null;
  convertedClientId: string | null;
  convertedCaseId: string | null;
  convertedAt: string | null;
  mergedIntoLeadId: string | null;
  lastActivityAt: string | null;
  nextActivityAt: string | null;
  note: string | null;
  teamId: string | null;
  responsibleUserId: string | null;
  potentials: Potential[];
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  warnings: FieldWarning[];
};

type Link = { id: string; name: string | null } | null;
export type LeadDetail = Lead & {
  links: { client: Link; convertedClient: Link; convertedCase: Link; mergedInto: Link };
};

export type DuplicateMatch = {
  type: 'lead' | 'client';
  id: string;
  name: string;
  country: string;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  status: string;
  matchedOn: { field: DuplicateKeyField; value: string; supplyPointId?: string }[];
};

export type PotentialInput = Omit<Potential, 'id'>;

/** Editable fields as the API takes them (`null` clears a field; `potentials` replaces the set). */
export type LeadInput = {
  kind: 'company' | 'person';
  name: string;
  country: string;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  contactFirstName: string | null;
  contactLastName: string | null;
  contactFunction: string | null;
  address: { street: string | null; city: string | null; postalCode: string | null };
  industry: string | null;
  priority: number;
  source: string;
  campaign: string | null;
  channel: string | null;
  marketingConsent: MarketingConsent;
  totalDemand: string | null;
  totalDemandUnit: QuantityUnit | null;
  note: string | null;
  potentials: PotentialInput[];
  /** An existing client the lead belongs to. */
  clientId?: string | null;
};

export const leadSortFields = [
  'name',
  'createdAt',
  'updatedAt',
  'priority',
  'lastActivityAt',
  'nextActivityAt',
] as const;
export type LeadSortField = (typeof leadSortFields)[number];

/** The list's query parameters, exactly as the API (and the export) take them. */
export type LeadListParams = {
  q?: string;
  status?: LeadStatus;
  source?: string;
  industry?: string;
  responsibleUserId?: string;
  priority?: string;
  territoryCode?: string;
  commodity?: PotentialCommodity;
  importId?: string;
  archived?: 'false' | 'true' | 'all';
  sort?: string;
};

export type ConvertInput = {
  version: number;
  clientId?: string;
  createCase: boolean;
  caseName?: string;
  caseType?: string;
  commodity?: 'electricity' | 'gas' | 'other';
};

export type ConvertAnswer = {
  lead: Lead;
  clientId: string;
  clientCreated: boolean;
  contactId: string | null;
  caseId: string | null;
};

export const leadKeys = {
  all: ['leads'] as const,
  lists: () => [...leadKeys.all, 'list'] as const,
  list: (params: LeadListParams) => [...leadKeys.lists(), params] as const,
  detail: (id: string) => [...leadKeys.all, 'detail', id] as const,
  history: (id: string) => [...leadKeys.all, 'history', id] as const,
  duplicates: (id: string) => [...leadKeys.all, 'duplicates', id] as const,
};

const pageSize = 50;

export const useLeadList = (params: LeadListParams) =>
  useInfiniteQuery({
    queryKey: leadKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Lead>>('/leads', { ...params, limit: pageSize, cursor: pageParam } as QueryParams, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const leadExportUrl = (params: LeadListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/leads/export', { ...params, format } as QueryParams);

export const useLead = (id: string) =>
  useQuery({
    queryKey: leadKeys.detail(id),
    queryFn: ({ signal }) => api.get<LeadDetail>(`/leads/${id}`, undefined, signal),
  });

export const useLeadHistory = (id: string) => useHistoryQuery(leadKeys.history(id), `/leads/${id}`);

export const useLeadDuplicates = (id: string, enabled = true) =>
  useQuery({
    queryKey: leadKeys.duplicates(id),
    queryFn: ({ signal }) => api.get<ItemList<DuplicateMatch>>(`/leads/${id}/duplicates`, undefined, signal),
    select: (page) => page.items,
    enabled,
  });

/** After any change: every list, card, history and duplicate list of leads may show it. */
export const afterLeadChange = async (queryClient: QueryClient) => {
  await queryClient.invalidateQueries({ queryKey: leadKeys.all });
};

type Options<T> = { onSuccess?: (result: T) => void };

const useLeadMutation = <Vars, T>(mutationFn: (vars: Vars) => Promise<T>, options: Options<T> = {}) =>
  useRefreshingMutation(mutationFn, afterLeadChange, options);

export const useCreateLead = (options: Options<Lead & { duplicates: DuplicateMatch[] }> = {}) =>
  useLeadMutation(
    (body: LeadInput) => api.post<Lead & { duplicates: DuplicateMatch[] }>('/leads', body),
    options,
  );

export const useUpdateLead = (id: string, options: Options<Lead> = {}) =>
  useLeadMutation(
    (body: Partial<LeadInput> & { version: number }) => api.patch<Lead>(`/leads/${id}`, body),
    options,
  );

export type LeadAction = 'qualify' | 'archive' | 'restore';

export const useLeadAction = (id: string, options: Options<Lead> = {}) =>
  useLeadMutation(
    ({ action, version }: { action: LeadAction; version: number }) =>
      api.post<Lead>(`/leads/${id}/${action}`, { version }),
    options,
  );

export const useDisqualifyLead = (id: string, options: Options<Lead> = {}) =>
  useLeadMutation(
    (body: { version: number; reason: string }) => api.post<Lead>(`/leads/${id}/disqualify`, body),
    options,
  );

/** Merges lead `id` into `intoLeadId` (the kept one). */
export const useMergeLead = (options: Options<Lead> = {}) =>
  useLeadMutation(
    ({ id, ...body }: { id: string; intoLeadId: string; version?: number; intoVersion?: number }) =>
      api.post<Lead>(`/leads/${id}/merge`, body),
    options,
  );

/** Converting makes a client, a contact and a case: their lists are stale too. */
export const useConvertLead = (id: string, options: Options<ConvertAnswer> = {}) => {
  const queryClient = useQueryClient();
  return useLeadMutation((body: ConvertInput) => api.post<ConvertAnswer>(`/leads/${id}/convert`, body), {
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      options.onSuccess?.(answer);
    },
  });
};
