import { useRefreshingMutation } from '../../api/mutations.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';
import type { HistoryEntry } from '../activities/api.js';

export type CalendarEvent = {
  id: string;
  ownerId: string;
  teamId: string | null;
  responsibleUserId: string | null;
  title: string;
  description: string | null;
  location: string | null;
  startAt: string;
  endAt: string;
  allDay: boolean;
  /** A meeting's event: it follows its activity and is changed there. */
  activityId: string | null;
  clientId: string | null;
  caseId: string | null;
  leadId: string | null;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};

export type CalendarEventItem = CalendarEvent & { responsibleUser: { id: string; name: string | null } | null };

export type EventInput = {
  title: string;
  startAt: string;
  endAt: string;
  allDay: boolean;
  location: string | null;
  description: string | null;
  responsibleUserId: string | null;
};

export type EventRangeParams = { from: string; to: string; teamId?: string | undefined; userId?: string | undefined };

export type FeedStatus = { active: boolean; createdAt: string | null; lastUsedAt: string | null };
export type FeedCreated = { url: string; webcalUrl: string; createdAt: string };

export const calendarKeys = {
  all: ['calendar'] as const,
  ranges: () => [...calendarKeys.all, 'range'] as const,
  range: (params: EventRangeParams) => [...calendarKeys.ranges(), params] as const,
  detail: (id: string) => [...calendarKeys.all, 'detail', id] as const,
  history: (id: string) => [...calendarKeys.all, 'history', id] as const,
  feed: () => [...calendarKeys.all, 'feed'] as const,
};

export const useEvents = (params: EventRangeParams) =>
  useQuery({
    queryKey: calendarKeys.range(params),
    queryFn: ({ signal }) => api.get<{ items: CalendarEventItem[]; truncated: boolean }>('/calendar/events', params, signal),
    placeholderData: keepPreviousData,
  });

export const useEventHistory = (id: string) =>
  useQuery({
    queryKey: calendarKeys.history(id),
    queryFn: ({ signal }) => api.get<ItemList<HistoryEntry>>(`/calendar/events/${id}/history`, undefined, signal),
    select: (page) => page.items,
  });

const afterEventChange = async (queryClient: QueryClient) => {
  await queryClient.invalidateQueries({ queryKey: calendarKeys.all });
};

type Options = { onSuccess?: (event: CalendarEvent) => void };

const useEventMutation = <Body>(mutationFn: (body: Body) => Promise<CalendarEvent>, options: Options) =>
  useRefreshingMutation(mutationFn, afterEventChange, options);

export const useCreateEvent = (options: Options = {}) =>
  useEventMutation((body: EventInput) => api.post<CalendarEvent>('/calendar/events', body), options);

export const useUpdateEvent = (id: string, options: Options = {}) =>
  useEventMutation((body: Partial<EventInput> & { version: number }) => api.patch<CalendarEvent>(`/calendar/events/${id}`, body), options);

export const useArchiveEvent = (options: Options = {}) =>
  useEventMutation(({ id, version }: { id: string; version: number }) => api.post<CalendarEvent>(`/calendar/events/${id}/archive`, { version }), options);

export const useFeedStatus = (enabled: boolean) =>
  useQuery({
    queryKey: calendarKeys.feed(),
    queryFn: ({ signal }) => api.get<FeedStatus>('/calendar/feed', undefined, signal),
    enabled,
  });

export const useCreateFeed = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FeedCreated>('/calendar/feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed() }),
  });
};

export const useRevokeFeed = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/calendar/feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed() }),
  });
};
