import { useRefreshingMutation } from '../../api/mutations.js';
import { contractKeys } from '../contracts/api.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type ItemList } from '../../api/client.js';
import { useHistoryQuery } from '../../components/detail/api.js';

export const offerStates = ['draft', 'awaitingApproval', 'approved', 'sent', 'accepted', 'declined', 'lapsed', 'superseded'] as const;
export type OfferState = (typeof offerStates)[number];
export type ApprovalRoute = 'board' | 'manager' | 'none';

export type OfferTotals = {
  currency: string;
  quantityMWh: string;
  currentCost: string;
  offeredCost: string;
  saving: string;
  savingPercent: string | null;
  offeredGross: string;
  margin: string | null;
  marginPercent: string | null;
};

export type Comparison = { kind: string; basis: string; current: string; offered: string; saving: string; savingPercent: string | null };

export type OfferLine = {
  position: number;
  supplyPointId: string;
  supplyPointIdentifier: string | null;
  productId: string;
  productName: string | null;
  priceListId: string;
  deliveryFrom: string;
  deliveryTo: string;
  quantityMWh: string;
  currentPricePerMWh: string;
  currentMonthlyFee: string;
  currentCost: string;
  offeredCost: string;
  saving: string;
  savingPercent: string | null;
  offeredGross: string;
  margin: string | null;
  marginPercent: string | null;
  comparison: Comparison[];
};

export type OfferListItem = {
  id: string;
  rootId: string;
  versionNumber: number;
  number: string;
  caseId: string;
  /** Null when the case is outside the reader's rights. */
  caseName: string | null;
  clientId: string;
  state: OfferState;
  kind: 'binding' | 'indicative';
  isAlternative: boolean;
  relationGroupId: string | null;
  commodity: 'electricity' | 'gas';
  validUntil: string;
  approvalRoute: ApprovalRoute | null;
  totals: OfferTotals;
  lineCount: number;
  contractId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type OfferDetail = OfferListItem & {
  clientName: string | null;
  contactId: string | null;
  bindingFrom: string | null;
  bindingTo: string | null;
  note: string | null;
  sentAt: string | null;
  closedAt: string | null;
  closingReason: string | null;
  changeMode: 'inPlace' | 'newVersion' | 'readOnly';
  canApprove: boolean;
  lines: OfferLine[];
  approvals: { id: string; route: ApprovalRoute; decision: 'approved' | 'rejected'; reason: string | null; by: { id: string; name: string } | null; at: string }[];
  related: { id: string; number: string; versionNumber: number; state: OfferState; offeredCost: string }[];
  documents: { id: string; fileName: string; createdAt: string }[];
};

export type OfferLineBody = {
  supplyPointId: string;
  productId: string;
  deliveryFrom: string;
  deliveryTo: string;
  currentPricePerMWh: string;
  currentMonthlyFee: string;
};

export type OfferCreateBody = {
  kind: 'binding' | 'indicative';
  isAlternative: boolean;
  validUntil: string;
  bindingFrom?: string | null;
  bindingTo?: string | null;
  note?: string | null;
  lines: OfferLineBody[];
};

export type OfferComparison = {
  left: OfferListItem;
  right: OfferListItem;
  lines: { supplyPointId: string; supplyPointIdentifier: string | null; left: OfferLine | null; right: OfferLine | null }[];
  difference: { currentCost: string; offeredCost: string; saving: string };
};

export const offerKeys = {
  all: ['offers'] as const,
  ofCase: (caseId: string) => ['offers', 'case', caseId] as const,
  ofClient: (clientId: string) => ['offers', 'client', clientId] as const,
  detail: (id: string) => ['offers', 'detail', id] as const,
  versions: (id: string) => ['offers', 'versions', id] as const,
  compare: (id: string, other: string) => ['offers', 'compare', id, other] as const,
  history: (id: string) => ['offers', 'history', id] as const,
  policy: () => ['offers', 'approval-policy'] as const,
};

/** The owner company's approval policy (OFFER-5): the minimum margin and where offers at or above it go. */
export type ApprovalPolicy = { minimumMarginPercent: string; aboveMinimum: 'manager' | 'none'; isDefault: boolean; version: number };

export const useApprovalPolicy = () =>
  useQuery({ queryKey: offerKeys.policy(), queryFn: ({ signal }) => api.get<ApprovalPolicy>('/offer-approval-policy', undefined, signal) });

export const useSaveApprovalPolicy = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<ApprovalPolicy, 'minimumMarginPercent' | 'aboveMinimum' | 'version'>) => api.put<ApprovalPolicy>('/offer-approval-policy', body),
    onSuccess: (saved) => queryClient.setQueryData(offerKeys.policy(), saved),
  });
};

export const offerPdfUrl = (id: string): string => apiUrl(`/offers/${id}/pdf`);
export const documentUrl = (id: string): string => apiUrl(`/documents/${id}/download`);

/** A client's offers (latest versions, up to 500: a client rarely has more) and their pipeline value. */
export const useClientOffers = (clientId: string) =>
  useQuery({
    queryKey: offerKeys.ofClient(clientId),
    queryFn: async ({ signal }) => {
      const [page, pipeline] = await Promise.all([
        api.get<{ items: OfferListItem[] }>('/offers', { clientId, limit: 500 }, signal),
        api.get<{ value: string; offerCount: number }>('/offers/pipeline', { clientId }, signal),
      ]);
      return { items: page.items, pipeline };
    },
  });

export const useCaseOffers = (caseId: string) =>
  useQuery({
    queryKey: offerKeys.ofCase(caseId),
    queryFn: ({ signal }) => api.get<{ items: OfferListItem[]; pipeline: { value: string; offerCount: number } }>(`/cases/${caseId}/offers`, undefined, signal),
  });

export const useOffer = (id: string) =>
  useQuery({ queryKey: offerKeys.detail(id), queryFn: ({ signal }) => api.get<OfferDetail>(`/offers/${id}`, undefined, signal) });

export const useOfferVersions = (id: string) =>
  useQuery({ queryKey: offerKeys.versions(id), queryFn: ({ signal }) => api.get<ItemList<OfferListItem>>(`/offers/${id}/versions`, undefined, signal) });

export const useOfferComparison = (id: string, other: string | null) =>
  useQuery({
    queryKey: offerKeys.compare(id, other ?? ''),
    enabled: other !== null && other !== id,
    queryFn: ({ signal }) => api.get<OfferComparison>(`/offers/${id}/compare`, { with: other }, signal),
  });

/** The changes of the offer and of all its versions, newest first. */
export const useOfferHistory = (id: string) => useHistoryQuery(offerKeys.history(id), `/offers/${id}`);

export const usePreviewOffer = (caseId: string) =>
  useMutation({ mutationFn: (lines: OfferLineBody[]) => api.post<{ lines: OfferLine[]; totals: OfferTotals }>(`/cases/${caseId}/offers/preview`, { lines }) });

/** Every change of an offer refreshes the offer lists and details (a new version changes its siblings too). */
const useOfferMutation = <Body, Result>(run: (body: Body) => Promise<Result>) =>
  useRefreshingMutation(run, (queryClient) => queryClient.invalidateQueries({ queryKey: offerKeys.all }));

export const useCreateOffer = (caseId: string) => useOfferMutation((body: OfferCreateBody) => api.post<OfferDetail>(`/cases/${caseId}/offers`, body));

export const useUpdateOffer = (id: string) =>
  useOfferMutation((body: Partial<OfferCreateBody> & { version: number }) => api.patch<OfferDetail>(`/offers/${id}`, body));

export type OfferStep = 'submit' | 'approve' | 'reject' | 'send' | 'decline';
export const useOfferStep = (id: string) =>
  useOfferMutation(({ step, ...body }: { step: OfferStep; version: number; reason?: string }) => api.post<OfferDetail>(`/offers/${id}/${step}`, body));

/** Acceptance makes a contract, so the contract register is refreshed with the offers. */
export const useAcceptOffer = (id: string) =>
  useRefreshingMutation(
    (body: { version: number }) => api.post<{ contractId: string; offer: OfferDetail }>(`/offers/${id}/accept`, body),
    (queryClient) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: offerKeys.all }), queryClient.invalidateQueries({ queryKey: contractKeys.all })]),
  );
