import { useRefreshingMutation } from '../../api/mutations.js';
import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  type QueryClient,
} from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type Page, type QueryParams } from '../../api/client.js';
import { useHistoryQuery } from '../../components/detail/api.js';
import { currentLanguage } from '../../i18n/index.js';
import { contactKeys, type Contact } from '../contacts/api.js';
import type { SupplyPoint } from '../supply-points/api.js';

export const contractTypes = ['supply', 'brokerage', 'framework', 'amendment'] as const;
export type ContractType = (typeof contractTypes)[number];
export const contractCommodities = ['electricity', 'gas'] as const;
export type ContractCommodity = (typeof contractCommodities)[number];
export const contractStates = ['draft', 'sentForSignature', 'signed', 'rejected', 'expired', 'cancelled', 'terminated'] as const;
export type ContractState = (typeof contractStates)[number];

export type ContractListItem = {
  id: string;
  ownerId: string;
  number: string;
  clientId: string;
  clientName: string | null;
  caseId: string | null;
  offerId: string | null;
  type: ContractType;
  commodity: ContractCommodity;
  supplier: string | null;
  productId: string | null;
  productName: string | null;
  state: ContractState;
  startDate: string;
  endDate: string | null;
  noticePeriodMonths: number | null;
  noticeDeadline: string | null;
  signedAt: string | null;
  endedOn: string | null;
  note: string | null;
  responsibleUserId: string | null;
  supplyPointCount: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Signatory = { contactId: string; name: string; email: string | null; phone: string | null; position: number };

export type ContractDetail = Omit<ContractListItem, 'supplyPointCount'> & {
  supplyPointIds: string[];
  signatories: Signatory[];
};

/** The terms of a contract as the API takes them (`null` clears a field). */
export type ContractTerms = {
  type: ContractType;
  commodity: ContractCommodity;
  supplier: string | null;
  productName: string | null;
  startDate: string;
  endDate: string | null;
  noticePeriodMonths: number | null;
  supplyPointIds: string[];
  signatoryContactIds: string[];
  note: string | null;
};
export type ContractCreateBody = ContractTerms & { clientId: string; caseId?: string | null; number?: string };
export type ContractUpdateBody = Partial<ContractTerms & { number: string }> & { version: number };
export type ContractEndBody = { kind: 'cancel' | 'terminate'; endedOn: string; reason: string; version: number };

export type SignatureRequestState = 'created' | 'sent' | 'viewed' | 'signed' | 'rejected' | 'expired';
export type SignatureRequest = {
  id: string;
  state: SignatureRequestState;
  fileName: string;
  signers: { name: string; email: string }[];
  expiresAt: string;
  stateChangedAt: string;
  hasSignedPdf: boolean;
  createdAt: string;
};

export const contractSortFields = ['number', 'endDate', 'noticeDeadline', 'startDate', 'createdAt'] as const;
export type ContractSortField = (typeof contractSortFields)[number];

/** The register's query parameters, exactly as the API (and the export) take them. */
export type ContractListParams = {
  q?: string;
  type?: ContractType;
  state?: ContractState;
  commodity?: ContractCommodity;
  supplier?: string;
  clientId?: string;
  caseId?: string;
  endFrom?: string;
  endTo?: string;
  noticeBy?: string;
  archived?: 'false' | 'true' | 'all';
  sort?: string;
};

export const contractKeys = {
  all: ['contracts'] as const,
  lists: () => [...contractKeys.all, 'list'] as const,
  list: (params: ContractListParams) => [...contractKeys.lists(), params] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
  history: (id: string) => [...contractKeys.all, 'history', id] as const,
  signatureRequests: (id: string) => [...contractKeys.all, 'signatureRequests', id] as const,
};

const pageSize = 50;

export const useContractList = (params: ContractListParams) =>
  useInfiniteQuery({
    queryKey: contractKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ContractListItem>>('/contracts', { ...params, limit: pageSize, cursor: pageParam } as QueryParams, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** The export of exactly what the register shows, with the labels of the UI's current language. */
export const contractExportUrl = (params: ContractListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/contracts/export', { ...params, format, language: currentLanguage() } as QueryParams);

export const contractPdfUrl = (id: string): string => apiUrl(`/contracts/${id}/pdf`);
export const signedContractPdfUrl = (id: string): string => apiUrl(`/contracts/${id}/signed-pdf`);

export const useContract = (id: string) =>
  useQuery({
    queryKey: contractKeys.detail(id),
    queryFn: ({ signal }) => api.get<ContractDetail>(`/contracts/${id}`, undefined, signal),
    // Signi's answer arrives by webhook: while the contract is out for signature the card asks again.
    refetchInterval: (query) => (query.state.data?.state === 'sentForSignature' ? 5_000 : false),
  });

export const useContractHistory = (id: string) => useHistoryQuery(contractKeys.history(id), `/contracts/${id}`);

/** While a request is out, Signi's answer arrives by webhook: the card asks again every few seconds. */
export const useSignatureRequests = (id: string, waiting: boolean) =>
  useQuery({
    queryKey: contractKeys.signatureRequests(id),
    queryFn: ({ signal }) => api.get<ItemList<SignatureRequest>>(`/contracts/${id}/signature-requests`, undefined, signal),
    select: (page) => page.items,
    refetchInterval: waiting ? 5_000 : false,
  });

/** The client's supply points of one commodity, for the contract form (a client rarely has more than 500). */
export const useClientSupplyPoints = (clientId: string | null, commodity: ContractCommodity, archived: 'false' | 'all' = 'false') =>
  useQuery({
    queryKey: ['supplyPoints', 'list', 'contract', clientId, commodity, archived],
    queryFn: ({ signal }) =>
      api.get<Page<SupplyPoint>>('/supply-points', { clientId, commodity, archived, limit: 500, sort: 'identifier' }, signal),
    select: (page) => page.items,
    enabled: Boolean(clientId),
  });

/** The client's signing persons (contacts marked as such), the only ones a contract takes as signatories. */
export const useSigningPersons = (clientId: string | null) =>
  useQuery({
    queryKey: contactKeys.list(clientId ?? '', 'false'),
    queryFn: ({ signal }) => api.get<ItemList<Contact>>(`/clients/${clientId}/contacts`, { archived: 'false' }, signal),
    select: (page) => page.items.filter((contact) => contact.isSigningPerson),
    enabled: Boolean(clientId),
  });

/** After any change: lists are stale; the card gets the answer; its history and signature requests reload. */
export const afterContractChange = async (queryClient: QueryClient, detail: ContractDetail) => {
  queryClient.setQueryData(contractKeys.detail(detail.id), detail);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: contractKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: contractKeys.history(detail.id) }),
    queryClient.invalidateQueries({ queryKey: contractKeys.signatureRequests(detail.id) }),
  ]);
};

type Options = { onSuccess?: (detail: ContractDetail) => void };

const useContractMutation = <Body>(mutationFn: (body: Body) => Promise<ContractDetail>, options: Options) =>
  useRefreshingMutation(mutationFn, afterContractChange, options);

export const useCreateContract = (options: Options = {}) =>
  useContractMutation((body: ContractCreateBody) => api.post<ContractDetail>('/contracts', body), options);

export const useUpdateContract = (id: string, options: Options = {}) =>
  useContractMutation((body: ContractUpdateBody) => api.patch<ContractDetail>(`/contracts/${id}`, body), options);

export const useEndContract = (id: string, options: Options = {}) =>
  useContractMutation((body: ContractEndBody) => api.post<ContractDetail>(`/contracts/${id}/end`, body), options);

export const useArchiveContract = (id: string, options: Options = {}) =>
  useContractMutation((body: { version: number }) => api.post<ContractDetail>(`/contracts/${id}/archive`, body), options);

export const useSendForSignature = (id: string, options: Options = {}) =>
  useContractMutation(() => api.post<ContractDetail>(`/contracts/${id}/signature`), options);
