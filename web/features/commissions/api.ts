import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type Page, type QueryParams } from '../../api/client.js';
import { currentLanguage } from '../../i18n/index.js';
import type { PayoutModel, PayoutTrigger } from '../../../domain/commissions/payout.js';
import type { CommissionBasis, ConsumptionScope } from '../../../domain/commissions/rules.js';

export type { PayoutModel, PayoutTrigger, CommissionBasis, ConsumptionScope };

export const commissionKinds = ['sales', 'company'] as const;
export type CommissionKind = (typeof commissionKinds)[number];
export const commissionEntries = ['commission', 'clawback'] as const;
export type CommissionEntry = (typeof commissionEntries)[number];
export const clawbackPolicies = ['proRata', 'full', 'none'] as const;
export type ClawbackPolicy = (typeof clawbackPolicies)[number];
export const problemReasons = ['no_rule', 'ambiguous', 'missing_annualMWh', 'missing_margin', 'no_participants'] as const;
export type ProblemReason = (typeof problemReasons)[number];

export type Payout = { position: number; amount: string; dueOn: string | null; event: string; months: number | null; cancelsPosition: number | null; statementId: string | null };

export type Commission = {
  id: string;
  kind: CommissionKind;
  entry: CommissionEntry;
  userId: string | null;
  userName: string | null;
  contractId: string;
  contractNumber: string;
  /** The day the contract was signed, which decided the rule. */
  signedOn: string | null;
  clientName: string | null;
  supplyPointId: string;
  supplyPointIdentifier: string;
  ruleId: string;
  ruleName: string;
  share: string | null;
  baseAmount: string;
  amount: string;
  currency: string;
  annualMWh: string | null;
  band: string | null;
  deliveryMonths: number;
  deliveredMonths: number | null;
  margin: string | null;
  explanation: string;
  payouts: Payout[];
  createdAt: string;
};

export type CommissionPage = Page<Commission> & { total: string };

/** The list's query parameters, exactly as the API (and the export) take them. */
export type CommissionListParams = {
  userId?: string;
  kind?: CommissionKind;
  entry?: CommissionEntry;
  contractId?: string;
  createdFrom?: string;
  createdTo?: string;
  sort?: string;
};

export type Rule = {
  id: string;
  ownerId: string;
  kind: CommissionKind;
  name: string;
  productId: string | null;
  productName: string | null;
  supplier: string | null;
  clientKind: 'company' | 'person' | null;
  consumption: ConsumptionScope | null;
  validFrom: string;
  validTo: string | null;
  basis: CommissionBasis;
  payoutModel: PayoutModel;
  clawback: ClawbackPolicy;
  inUse: boolean;
  archivedAt: string | null;
  updatedAt: string;
  version: number;
};

export type RuleBody = Pick<Rule, 'kind' | 'name' | 'productId' | 'supplier' | 'clientKind' | 'consumption' | 'validFrom' | 'validTo' | 'basis' | 'payoutModel' | 'clawback'>;

export type Problem = {
  id: string;
  contractId: string;
  contractNumber: string;
  supplyPointId: string;
  supplyPointIdentifier: string;
  kind: CommissionKind;
  reason: ProblemReason;
  detail: string | null;
  createdAt: string;
};

export type RetryResult = { contracts: number; commissions: number; problems: number };

export type StatementLine = {
  payoutId: string;
  commissionId: string;
  entry: CommissionEntry;
  contractNumber: string;
  clientName: string | null;
  supplyPointIdentifier: string;
  ruleName: string;
  share: string | null;
  explanation: string;
  position: number;
  event: string;
  /** For a stage due months after the start of supply: how many; null otherwise. */
  months: number | null;
  /** For a clawback's payout: the unpaid stage it cancels. */
  cancelsPosition: number | null;
  dueOn: string;
  amount: string;
};

export type StatementSummary = {
  id: string | null;
  userId: string;
  userName: string | null;
  period: string;
  currency: string;
  commissionTotal: string;
  clawbackTotal: string;
  total: string;
  lineCount: number;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
};

export type StatementDetail = StatementSummary & { lines: StatementLine[] };

export const commissionKeys = {
  all: ['commissions'] as const,
  lists: () => [...commissionKeys.all, 'list'] as const,
  list: (params: CommissionListParams) => [...commissionKeys.lists(), params] as const,
  rules: () => [...commissionKeys.all, 'rules'] as const,
  problems: () => [...commissionKeys.all, 'problems'] as const,
  statements: () => [...commissionKeys.all, 'statements'] as const,
  statementList: (period: string) => [...commissionKeys.statements(), 'list', period] as const,
  statement: (userId: string, period: string) => [...commissionKeys.statements(), 'detail', userId, period] as const,
};

const pageSize = 50;

export const useCommissionList = (params: CommissionListParams, enabled = true) =>
  useInfiniteQuery({
    queryKey: commissionKeys.list(params),
    queryFn: ({ pageParam, signal }) => api.get<CommissionPage>('/commissions', { ...params, limit: pageSize, cursor: pageParam } as QueryParams, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });

/** The export of exactly what the list shows, labelled in the UI's current language. */
export const commissionExportUrl = (params: CommissionListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/commissions/export', { ...params, format, language: currentLanguage() } as QueryParams);

export const useRules = () =>
  useQuery({
    queryKey: commissionKeys.rules(),
    queryFn: ({ signal }) => api.get<ItemList<Rule>>('/commission-rules', { archived: 'false' }, signal),
    select: (list) => list.items,
  });

export const useSaveRule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string | null; body: Partial<RuleBody>; version: number }) =>
      id ? api.patch<Rule>(`/commission-rules/${id}`, { ...body, version }) : api.post<Rule>('/commission-rules', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commissionKeys.rules() }),
  });
};

export const useArchiveRule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: Pick<Rule, 'id' | 'version'>) => api.post<Rule>(`/commission-rules/${rule.id}/archive`, { version: rule.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commissionKeys.rules() }),
  });
};

export const useProblems = () =>
  useQuery({
    queryKey: commissionKeys.problems(),
    queryFn: ({ signal }) => api.get<ItemList<Problem>>('/commissions/problems', undefined, signal),
    select: (list) => list.items,
  });

export const useRetry = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RetryResult>('/commissions/retry'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commissionKeys.all }),
  });
};

export const useStatements = (period: string) =>
  useQuery({
    queryKey: commissionKeys.statementList(period),
    queryFn: ({ signal }) => api.get<ItemList<StatementSummary>>('/commission-statements', { period }, signal),
    select: (list) => list.items,
  });

export const useStatement = (key: { userId: string; period: string } | null) =>
  useQuery({
    queryKey: commissionKeys.statement(key?.userId ?? '', key?.period ?? ''),
    queryFn: ({ signal }) => api.get<StatementDetail>('/commission-statements/preview', key ?? undefined, signal),
    enabled: key !== null,
  });

export const useApproveStatement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string; period: string; expectedTotal: string }) => api.post<StatementDetail>('/commission-statements', body),
    onSuccess: async (detail) => {
      queryClient.setQueryData(commissionKeys.statement(detail.userId, detail.period), detail);
      await queryClient.invalidateQueries({ queryKey: commissionKeys.all });
    },
  });
};

export const statementFileUrl = (id: string, kind: 'pdf' | 'xlsx'): string => apiUrl(`/commission-statements/${id}/${kind}`, { language: currentLanguage() });
