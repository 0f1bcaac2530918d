import { useHistoryQuery } from '../../components/detail/api.js';
import { useRefreshingMutation } from '../../api/mutations.js';
import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  type QueryClient,
} from '@tanstack/react-query';
import { api, apiUrl, type Page, type QueryParams } from '../../api/client.js';
import { currentLanguage } from '../../i18n/index.js';

export const activityKinds = ['task', 'call', 'meeting', 'email', 'visit'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityStatuses = ['open', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
/** Outcomes offered when completing; the server takes any short code (work queues log their own). */
export const activityOutcomes = ['reached', 'noAnswer', 'callBack', 'notInterested'] as const;

export type Link = { id: string; name: string | null };

export type Activity = {
  id: string;
  ownerId: string;
  teamId: string | null;
  responsibleUserId: string | null;
  kind: ActivityKind;
  subject: string;
  description: string | null;
  location: string | null;
  startAt: string;
  dueAt: string;
  status: ActivityStatus;
  completedAt: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  clientId: string | null;
  caseId: string | null;
  leadId: string | null;
  fieldKey: string | null;
  processStageTaskId: string | null;
  departmentEmail: string | null;
  emailedAt: string | null;
  archivedAt: string | null;
  isOverdue: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};

/** A list row: the activity with the names of its responsible user and linked records (null name: hidden). */
export type ActivityItem = Activity & {
  responsibleUser: Link | null;
  client: Link | null;
  case: Link | null;
  lead: Link | null;
};

export type ActivityInput = {
  kind: ActivityKind;
  subject: string;
  description: string | null;
  location: string | null;
  startAt: string;
  dueAt: string;
  responsibleUserId: string | null;
  clientId: string | null;
  caseId: string | null;
  leadId: string | null;
  departmentEmail?: string | null;
};

export const activitySortFields = ['startAt', 'dueAt', 'subject', 'kind', 'status', 'updatedAt'] as const;
export type ActivitySortField = (typeof activitySortFields)[number];

/** The list's query parameters, exactly as the API (and the export) take them. */
export type ActivityListParams = {
  q?: string;
  kind?: ActivityKind;
  status?: ActivityStatus;
  responsibleUserId?: string;
  clientId?: string;
  caseId?: string;
  leadId?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue?: 'true' | 'false';
  archived?: 'false' | 'true' | 'all';
  sort?: string;
};

export type MyDay = {
  date: string;
  timeZone: string;
  overdue: ActivityItem[];
  overdueCount: number;
  today: ActivityItem[];
  todayCount: number;
};

export type { HistoryEntry } from '../../components/detail/api.js';

/** The browser's time zone, so "today" and exported times are the user's own. */
export const browserTimeZone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
};

export const activityKeys = {
  all: ['activities'] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (params: ActivityListParams) => [...activityKeys.lists(), params] as const,
  details: () => [...activityKeys.all, 'detail'] as const,
  detail: (id: string) => [...activityKeys.details(), id] as const,
  history: (id: string) => [...activityKeys.all, 'history', id] as const,
  myDay: () => [...activityKeys.all, 'my-day'] as const,
};

const pageSize = 50;

export const useActivityList = (params: ActivityListParams, options: { pageSize?: number; enabled?: boolean } = {}) =>
  useInfiniteQuery({
    queryKey: activityKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ActivityItem>>(
        '/activities',
        { ...params, limit: options.pageSize ?? pageSize, cursor: pageParam } as QueryParams,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

/** The export of exactly what the list shows, in the UI's language and the browser's time zone. */
export const activityExportUrl = (params: ActivityListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/activities/export', { ...params, format, language: currentLanguage(), timeZone: browserTimeZone() } as QueryParams);

export const useActivity = (id: string) =>
  useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => api.get<ActivityItem>(`/activities/${id}`, undefined, signal),
  });

export const useActivityHistory = (id: string) => useHistoryQuery(activityKeys.history(id), `/activities/${id}`);

export const useMyDay = () =>
  useQuery({
    queryKey: activityKeys.myDay(),
    queryFn: ({ signal }) => api.get<MyDay>('/activities/my-day', { timeZone: browserTimeZone() }, signal),
  });

/**
 * After any change: lists, "my day", the card (it shows names the answer does not carry), the calendar (a
 * meeting's event) and the cards of linked cases and leads (their last and next activity) are stale.
 */
export const afterActivityChange = async (queryClient: QueryClient, activity: Activity) => {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: activityKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['calendar'] }),
    ...(activity.caseId ? [queryClient.invalidateQueries({ queryKey: ['cases'] })] : []),
    ...(activity.leadId ? [queryClient.invalidateQueries({ queryKey: ['leads'] })] : []),
  ]);
};

type Options = { onSuccess?: (activity: Activity) => void };

const useActivityMutation = <Body>(mutationFn: (body: Body) => Promise<Activity>, options: Options) =>
  useRefreshingMutation(mutationFn, afterActivityChange, options);

export const useCreateActivity = (options: Options = {}) =>
  useActivityMutation((body: ActivityInput) => api.post<Activity>('/activities', body), options);

export const useUpdateActivity = (id: string, options: Options = {}) =>
  useActivityMutation(
    (body: Partial<ActivityInput> & { version: number }) => api.patch<Activity>(`/activities/${id}`, body),
    options,
  );

/** Complete, cancel or archive; the id travels with the body, so one hook serves every row of a list. */
export const useActivityStep = (step: 'complete' | 'cancel' | 'archive', options: Options = {}) =>
  useActivityMutation(
    ({ id, ...body }: { id: string; version: number; outcome?: string | null; outcomeNote?: string | null }) =>
      api.post<Activity>(`/activities/${id}/${step}`, body),
    options,
  );

type Named = { id: string; name: string };

/** Records an activity can link to, searched on the server through each module's own list (its access rules). */
export const useLinkSearch = (kind: 'client' | 'case' | 'lead', q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['activities', 'link-search', kind, q],
    queryFn: ({ signal }) =>
      api
        .get<Page<Named>>(`/${kind === 'client' ? 'clients' : kind === 'case' ? 'cases' : 'leads'}`, { q, limit: 20 }, signal)
        .then((page) => page.items.map((item) => ({ id: item.id, name: item.name }))),
    enabled,
    staleTime: 10_000,
  });
