import { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { userNames } from '../users/users.service.js';
import type { HistoryEntry } from './audit.service.js';

export const HistoryEntryResponse = z.object({
  id: z.uuid(),
  at: z.date(),
  by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const HistoryPage = z.object({ items: z.array(HistoryEntryResponse) });

/** Replaces user ids with `{id, name}` so the card can say who changed what. */
export const withAuthors = async (ctx: ServiceContext, entries: HistoryEntry[]) => {
  const names = await userNames(ctx, [...new Set(entries.flatMap((e) => (e.by ? [e.by] : [])))]);
  return {
    items: entries.map((e) => {
      const author = e.by ? names.find((n) => n.id === e.by) : undefined;
      return { ...e, by: author ? { id: author.id, name: author.name } : null };
    }),
  };
};
