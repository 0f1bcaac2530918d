import { useRefreshingMutation } from '../../api/mutations.js';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type Page, type QueryParams } from '../../api/client.js';
import { useHistoryQuery } from '../../components/detail/api.js';
import { currentLanguage } from '../../i18n/index.js';

export type CaseCommodity = 'electricity' | 'gas' | 'other';
export type CaseState = 'new' | 'closed';
export type CaseOutcome = 'won' | 'lost';
export type QuantityUnit = 'kWh' | 'MWh' | 'm3';
export const securityKinds = ['none', 'deposit', 'bankGuarantee', 'advancePayment', 'parentGuarantee'] as const;
export type SecurityKind = (typeof securityKinds)[number];
export const priceModels = ['fixed', 'spot', 'indexed', 'other'] as const;
export type PriceModel = (typeof priceModels)[number];

type Named = { id: string; name: string };

export type CaseListItem = {
  id: string;
  ownerId: string;
  name: string;
  clientId: string;
  clientName: string | null;
  type: string;
  commodity: CaseCommodity;
  state: CaseState;
  outcome: CaseOutcome | null;
  processTemplateId: string | null;
  stage: { id: string; name: string; position: number } | null;
  responsibleUser: Named | null;
  priority: number;
  territoryCode: string | null;
  expectedCloseDate: string | null;
  lastActivityAt: string | null;
  nextActivityAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Potential = {
  id?: string;
  commodity: 'electricity' | 'gas' | 'service';
  territoryCode: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  priceModel: PriceModel | null;
  quantity: string | null;
  quantityUnit: QuantityUnit | null;
};

export type PotentialTotal = { commodity: string; mwh: string; m3: string };
export type Participant = { userId: string; share: string };

export type CaseDetail = CaseListItem & {
  teamId: string | null;
  leadId: string | null;
  processTemplateName: string | null;
  stageEnteredAt: string | null;
  closingNote: string | null;
  continuationCaseId: string | null;
  totalDemand: string | null;
  totalDemandUnit: QuantityUnit | null;
  securityKind: SecurityKind | null;
  securityAmount: string | null;
  note: string | null;
  supplyPointIds: string[];
  supplyPoints: { id: string; identifier: string; commodity: string; name: string | null }[];
  participants: (Participant & { name: string })[];
  potentials: (Potential & { id: string })[];
  potentialTotals: PotentialTotal[];
  filledGateFields: string[];
  createdBy: string | null;
  updatedBy: string | null;
};

/** Fields as the API takes them (`null` clears a field); sets replace the case's sets. */
export type CaseInput = {
  clientId: string;
  name: string;
  type: string;
  commodity: CaseCommodity;
  responsibleUserId?: string;
  priority?: number;
  territoryCode?: string | null;
  expectedCloseDate?: string | null;
  totalDemand?: string | null;
  totalDemandUnit?: QuantityUnit | null;
  securityKind?: SecurityKind | null;
  securityAmount?: string | null;
  note?: string | null;
  supplyPointIds?: string[];
  participants?: Participant[];
  potentials?: Potential[];
  processTemplateId?: string | null;
};
export type CaseUpdate = Partial<Omit<CaseInput, 'clientId' | 'processTemplateId'>> & { version: number };

export const caseSortFields = ['name', 'createdAt', 'expectedCloseDate', 'lastActivityAt', 'nextActivityAt'] as const;
export type CaseSortField = (typeof caseSortFields)[number];

/** The list's query parameters, exactly as the API (and the export) take them. */
export type CaseListParams = {
  q?: string;
  state?: CaseState;
  outcome?: CaseOutcome;
  stageId?: string;
  processTemplateId?: string;
  commodity?: CaseCommodity;
  clientId?: string;
  responsibleUserId?: string;
  territoryCode?: string;
  type?: string;
  archived?: 'false' | 'true' | 'all';
  sort?: string;
};

export type { HistoryEntry } from '../../components/detail/api.js';

export type StageChange = { id: string; at: string; by: Named | null; fromStage: Named | null; toStage: Named | null };

export type BoardCard = {
  id: string;
  name: string;
  clientId: string;
  clientName: string | null;
  responsibleUser: Named | null;
  nextActivityAt: string | null;
  potentialMWh: string;
  state: CaseState;
  outcome: CaseOutcome | null;
  version: number;
};
export type BoardStage = {
  id: string;
  name: string;
  position: number;
  requiredFields: string[];
  closesAs: CaseOutcome | null;
  total: number;
  cards: BoardCard[];
};
export type Board = { processTemplate: Named; stages: BoardStage[] };

export type AccountPotential = {
  commodity: string;
  totalDemandMWh: string;
  wonMWh: string;
  remainingMWh: string;
  totalDemandM3: string;
  wonM3: string;
  remainingM3: string;
};
export type CasesSummary = {
  clientId: string;
  cases: (CaseListItem & { potentialTotals: PotentialTotal[] })[];
  potentials: AccountPotential[];
  counts: { open: number; won: number; lost: number };
};

export type CaseAction =
  | { action: 'task'; subject?: string; dueAt?: string; description?: string | null }
  | { action: 'call'; outcome?: string; note?: string | null }
  | { action: 'meeting'; startAt: string; endAt: string; location?: string | null; subject?: string }
  | { action: 'close'; outcome: CaseOutcome; closingNote: string; continueAsServiceSupport: boolean; version: number };

export type CaseActionResult = { case: CaseDetail; activityId: string | null; eventId: string | null; continuationCaseId: string | null };

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (params: CaseListParams) => [...caseKeys.lists(), params] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
  history: (id: string) => [...caseKeys.all, 'history', id] as const,
  stageChanges: (id: string) => [...caseKeys.all, 'stageChanges', id] as const,
  boards: () => [...caseKeys.all, 'board'] as const,
  board: (processTemplateId: string) => [...caseKeys.boards(), processTemplateId] as const,
  summary: (clientId: string) => [...caseKeys.all, 'summary', clientId] as const,
};

const pageSize = 50;

export const useCaseList = (params: CaseListParams) =>
  useInfiniteQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CaseListItem>>('/cases', { ...params, limit: pageSize, cursor: pageParam } as QueryParams, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** The export of exactly what the list shows, with the labels of the UI's current language. */
export const caseExportUrl = (params: CaseListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/cases/export', { ...params, format, language: currentLanguage() } as QueryParams);

export const useCase = (id: string) =>
  useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, signal),
  });

export const useCaseHistory = (id: string) => useHistoryQuery(caseKeys.history(id), `/cases/${id}`);

export const useStageChanges = (id: string) =>
  useQuery({
    queryKey: caseKeys.stageChanges(id),
    queryFn: ({ signal }) => api.get<ItemList<StageChange>>(`/cases/${id}/stage-changes`, undefined, signal),
    select: (page) => page.items,
  });

export const useBoard = (processTemplateId: string | null) =>
  useQuery({
    queryKey: caseKeys.board(processTemplateId ?? ''),
    queryFn: ({ signal }) => api.get<Board>('/cases/board', { processTemplateId }, signal),
    enabled: Boolean(processTemplateId),
  });

export const useCasesSummary = (clientId: string) =>
  useQuery({
    queryKey: caseKeys.summary(clientId),
    queryFn: ({ signal }) => api.get<CasesSummary>(`/clients/${clientId}/cases-summary`, undefined, signal),
  });

/** After any change: lists, boards and summaries are stale; the card gets the answer; its history reloads. */
export const afterCaseChange = async (queryClient: QueryClient, detail: CaseDetail) => {
  queryClient.setQueryData(caseKeys.detail(detail.id), detail);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: caseKeys.boards() }),
    queryClient.invalidateQueries({ queryKey: caseKeys.summary(detail.clientId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.history(detail.id) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.stageChanges(detail.id) }),
    // Stage tasks, calls and meetings show in the activities and the calendar.
    queryClient.invalidateQueries({ queryKey: ['activities'] }),
    queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  ]);
};

type Options = { onSuccess?: (detail: CaseDetail) => void };

const useCaseMutation = <Body>(mutationFn: (body: Body) => Promise<CaseDetail>, options: Options) =>
  useRefreshingMutation(mutationFn, afterCaseChange, options);

export const useCreateCase = (options: Options = {}) =>
  useCaseMutation((body: CaseInput) => api.post<CaseDetail>('/cases', body), options);

export const useUpdateCase = (id: string, options: Options = {}) =>
  useCaseMutation((body: CaseUpdate) => api.patch<CaseDetail>(`/cases/${id}`, body), options);

export const useArchiveCase = (id: string, options: Options = {}) =>
  useCaseMutation((body: { version: number }) => api.post<CaseDetail>(`/cases/${id}/archive`, body), options);

export const useCloseCase = (id: string, options: Options = {}) =>
  useCaseMutation(
    (body: { outcome: CaseOutcome; closingNote: string; continueAsServiceSupport: boolean; version: number }) =>
      api.post<CaseDetail>(`/cases/${id}/close`, body),
    options,
  );

/** Moves a case (the id travels with the body, so one hook serves every card of a board). */
export const useChangeStage = (options: Options = {}) =>
  useCaseMutation(
    ({ caseId, ...body }: { caseId: string; stageId: string; version: number; closingNote?: string }) =>
      api.post<CaseDetail>(`/cases/${caseId}/stage`, body),
    options,
  );

export const useCaseAction = (id: string, options: { onSuccess?: (result: CaseActionResult) => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseAction) => api.post<CaseActionResult>(`/cases/${id}/actions`, body),
    onSuccess: async (result) => {
      await afterCaseChange(queryClient, result.case);
      options.onSuccess?.(result);
    },
  });
};
