import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page, type QueryParams } from '../../api/client.js';
import { useRefreshingMutation } from '../../api/mutations.js';
import { archiveRequest, useHistoryQuery } from '../../components/detail/api.js';
import { currentLanguage } from '../../i18n/index.js';

export type ClientKind = 'company' | 'person';
export type ClientStatus = 'active' | 'passive';

export type Address = {
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
};

export type FieldWarning = { path: string; code: string; message: string };

export type Client = {
  id: string;
  ownerId: string;
  kind: ClientKind;
  name: string;
  country: string;
  companyId: string | null;
  taxId: string | null;
  vatId: string | null;
  status: ClientStatus;
  relationshipType: string;
  businessArea: string | null;
  industry: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: Address;
  creditRating: string | null;
  debtorNumber: string | null;
  creditorNumber: string | null;
  note: string | null;
  teamId: string | null;
  responsibleUserId: string | null;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  /** Rules that did not block saving (e.g. an unusual Slovak IČO check digit): shown as a yellow notice. */
  warnings: FieldWarning[];
};

/** Editable fields as the API takes them (`null` clears a field). */
export type ClientInput = {
  kind: ClientKind;
  name: string;
  country: string;
  companyId: string | null;
  taxId: string | null;
  vatId: string | null;
  status: ClientStatus;
  relationshipType: string;
  businessArea: string | null;
  industry: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: Address | null;
  note: string | null;
};

export const clientSortFields = ['name', 'companyId', 'city', 'status', 'createdAt', 'updatedAt'] as const;
export type ClientSortField = (typeof clientSortFields)[number];

/** The list's query parameters, exactly as the API (and the export) take them. */
export type ClientListParams = {
  q?: string;
  status?: ClientStatus;
  kind?: ClientKind;
  country?: string;
  relationshipType?: string;
  businessArea?: string;
  industry?: string;
  archived?: 'false' | 'true' | 'all';
  sort?: string;
};

export type { HistoryEntry } from '../../components/detail/api.js';

export const clientKeys = {
  all: ['clients'] as const,
  lists: () => [...clientKeys.all, 'list'] as const,
  list: (params: ClientListParams) => [...clientKeys.lists(), params] as const,
  details: () => [...clientKeys.all, 'detail'] as const,
  detail: (id: string) => [...clientKeys.details(), id] as const,
  history: (id: string) => [...clientKeys.all, 'history', id] as const,
};

const pageSize = 50;

export const useClientList = (params: ClientListParams) =>
  useInfiniteQuery({
    queryKey: clientKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Client>>(
        '/clients',
        { ...params, limit: pageSize, cursor: pageParam } as QueryParams,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a new filter loads, the previous rows stay instead of a blank loader.
    placeholderData: keepPreviousData,
  });

/** The export of exactly what the list shows, with the labels of the UI's current language. */
export const clientExportUrl = (params: ClientListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/clients/export', { ...params, format, language: currentLanguage() } as QueryParams);

export const useClient = (id: string) =>
  useQuery({
    queryKey: clientKeys.detail(id),
    queryFn: ({ signal }) => api.get<Client>(`/clients/${id}`, undefined, signal),
  });

export const useClientHistory = (id: string, enabled = true) =>
  useHistoryQuery(clientKeys.history(id), `/clients/${id}`, enabled);

/** After any change: the lists are stale, the card gets the answer as is, the history reloads. */
export const afterClientChange = async (queryClient: QueryClient, client: Client) => {
  queryClient.setQueryData(clientKeys.detail(client.id), client);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: clientKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: clientKeys.detail(client.id) }),
    queryClient.invalidateQueries({ queryKey: clientKeys.history(client.id) }),
  ]);
};

type MutationOptions = { onSuccess?: (client: Client) => void };

export const useCreateClient = (options: MutationOptions = {}) =>
  useRefreshingMutation((body: ClientInput) => api.post<Client>('/clients', body), afterClientChange, options);

export const useUpdateClient = (id: string, options: MutationOptions = {}) =>
  useRefreshingMutation(
    (body: Partial<ClientInput> & { version: number }) => api.patch<Client>(`/clients/${id}`, body),
    afterClientChange,
    options,
  );

export const useArchiveClient = (id: string, options: MutationOptions = {}) =>
  useRefreshingMutation(archiveRequest<Client>(`/clients/${id}`), afterClientChange, options);
