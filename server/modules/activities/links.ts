import type { ServiceContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { assertCan } from '../auth/permissions.js';
import { loadVisibleCase, visibleCaseNames } from '../cases/cases.records.js';
import { clientNames, getClient } from '../clients/clients.service.js';
import { assertLeadVisible, leadsByIds } from '../leads/leads.service.js';

/**
 * The records an activity or event links to (client, case, lead), read only through their modules' services and
 * with the caller's rights: a record outside them is "not found" for a link and has no name in a list.
 */
export type LinkKind = 'client' | 'case' | 'lead';
export type LinkedRecord = { id: string; name: string; ownerId: string };
export type LinkIds = { clientId?: string | null | undefined; caseId?: string | null | undefined; leadId?: string | null | undefined };

const isHidden = (error: unknown) => error instanceof AppError && (error.code === 'not_found' || error.code === 'auth.forbidden');

const readers: Record<LinkKind, (ctx: ServiceContext, id: string) => Promise<LinkedRecord>> = {
  client: async (ctx, id) => {
    const client = await getClient(ctx, id);
    return { id, name: client.name, ownerId: client.ownerId };
  },
  case: async (ctx, id) => {
    // The cases service's own access-checked read of one row (cases.records.ts); `getCase` builds the whole
    // card (participants, supply points, potentials), several times the work for a name.
    assertCan(ctx.actor, 'sales.read');
    const found = await loadVisibleCase(ctx, id);
    return { id, name: found.name, ownerId: found.ownerId };
  },
  lead: async (ctx, id) => {
    const lead = await assertLeadVisible(ctx, id);
    return { id, name: lead.name, ownerId: lead.ownerId };
  },
};

/** Names of many records in one read each, with the caller's rights. */
const batchNames: Record<LinkKind, (ctx: ServiceContext, ids: string[]) => Promise<Map<string, string | null>>> = {
  client: (ctx, ids) => clientNames(ctx, ids),
  lead: async (ctx, ids) => new Map((await leadsByIds(ctx, ids)).map((lead) => [lead.id, lead.name])),
  case: (ctx, ids) => {
    assertCan(ctx.actor, 'sales.read');
    return visibleCaseNames(ctx, ids);
  },
};

const pathOf: Record<LinkKind, 'clientId' | 'caseId' | 'leadId'> = { client: 'clientId', case: 'caseId', lead: 'leadId' };

/** The linked record, or a 404 naming the field when it does not exist or is outside the caller's rights. */
export const readLink = async (ctx: ServiceContext, kind: LinkKind, id: string): Promise<LinkedRecord> => {
  try {
    return await readers[kind](ctx, id);
  } catch (error) {
    if (!isHidden(error)) throw error;
    const path = pathOf[kind];
    throw new AppError('not_found', `The linked ${kind} was not found`, {
      errors: [{ path, code: 'not_found', message: `${path}: no such ${kind} among the records you may see` }],
    });
  }
};

/** Names of linked records; those outside the caller's rights (or a role that may not read them) map to null. */
export const linkNames = async (ctx: ServiceContext, kind: LinkKind, ids: Iterable<string>): Promise<Map<string, string | null>> => {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map();
  try {
    return await batchNames[kind](ctx, distinct);
  } catch (error) {
    if (isHidden(error)) return new Map();
    throw error;
  }
};
