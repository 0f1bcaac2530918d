import { Decimal } from 'decimal.js';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { searchable, type FieldIssue } from '../../../domain/clients/client-rules.js';
import { toDecimalString } from '../../../domain/energy/quantity.js';
import type { Potential } from '../../../domain/leads/lead-rules.js';
import type { ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { visibleTo } from '../auth/access.js';
import type { LeadResponse, PotentialResponse } from './leads.api.js';
import { leadPotentials, leads } from './leads.schema.js';

// Rows of the leads module as its use cases share them: reading through the access filter, responses, history.

export type LeadRow = typeof leads.$inferSelect;
export type PotentialRow = typeof leadPotentials.$inferSelect;

// numeric columns come back padded to their scale ("12.500"); the API carries the canonical decimal string.
export const canonical = (value: string | null): string | null =>
  value === null ? null : toDecimalString(new Decimal(value));

export const potentialToResponse = (p: PotentialRow): PotentialResponse => ({
  id: p.id,
  commodity: p.commodity,
  territoryCode: p.territoryCode,
  supplyPointIdentifier: p.supplyPointIdentifier,
  periodFrom: p.periodFrom,
  periodTo: p.periodTo,
  priceModel: p.priceModel,
  quantity: canonical(p.quantity),
  quantityUnit: p.quantityUnit,
});

export const toResponse = (
  row: LeadRow,
  potentials: PotentialRow[],
  warnings: FieldIssue[] = [],
): LeadResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  kind: row.kind,
  name: row.name,
  country: row.country,
  companyId: row.companyId,
  email: row.email,
  phone: row.phone,
  contactFirstName: row.contactFirstName,
  contactLastName: row.contactLastName,
  contactFunction: row.contactFunction,
  address: { street: row.street, city: row.city, postalCode: row.postalCode },
  industry: row.industry,
  status: row.status,
  disqualifiedReason: row.disqualifiedReason,
  priority: row.priority,
  source: row.source,
  importId: row.importId,
  campaign: row.campaign,
  channel: row.channel,
  marketingConsent: row.marketingConsent,
  attributes: row.attributes,
  totalDemand: canonical(row.totalDemand),
  totalDemandUnit: row.totalDemandUnit,
  clientId: row.clientId,
  convertedClientId: row.convertedClientId,
  convertedCaseId: row.convertedCaseId,
  convertedAt: row.convertedAt,
  mergedIntoLeadId: row.mergedIntoLeadId,
  lastActivityAt: row.lastActivityAt,
  nextActivityAt: row.nextActivityAt,
  note: row.note,
  teamId: row.teamId,
  responsibleUserId: row.responsibleUserId,
  potentials: potentials.map(potentialToResponse),
  archivedAt: row.archivedAt,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  createdBy: row.createdBy,
  updatedBy: row.updatedBy,
  warnings,
});

/** SECURITY-CRITICAL: every read and write of a lead composes this (CORE-3); outside it a lead does not exist. */
export const visibleLeads = (ctx: ServiceContext): SQL => visibleTo(ctx.actor, leads);

/** The one way a lead is read for anything: through the caller's access filter, 404 otherwise. */
export const loadVisibleLead = async (
  ctx: ServiceContext,
  id: string,
  forUpdate = false,
): Promise<LeadRow> => {
  const query = ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), visibleLeads(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Lead');
  return row;
};

/** The potentials of some leads, each list in its order. */
export const potentialsOf = async (
  ctx: ServiceContext,
  leadIds: readonly string[],
): Promise<Map<string, PotentialRow[]>> => {
  const byLead = new Map<string, PotentialRow[]>(leadIds.map((id) => [id, []]));
  for (let i = 0; i < leadIds.length; i += 5000) {
    const rows = await ctx.db
      .select()
      .from(leadPotentials)
      .where(inArray(leadPotentials.leadId, leadIds.slice(i, i + 5000)))
      .orderBy(asc(leadPotentials.leadId), asc(leadPotentials.position));
    for (const row of rows) byLead.get(row.leadId)?.push(row);
  }
  return byLead;
};

/** Replaces a lead's potentials with this set, in its order. */
export const replacePotentials = async (
  ctx: ServiceContext,
  leadId: string,
  potentials: readonly Potential[],
): Promise<PotentialRow[]> => {
  await ctx.db.delete(leadPotentials).where(eq(leadPotentials.leadId, leadId));
  if (potentials.length === 0) return [];
  return ctx.db
    .insert(leadPotentials)
    .values(potentials.map((p, position) => ({ ...p, leadId, position })))
    .returning();
};

/** Lower-cased, accent-free text the list's `q` and the global search match. */
export const leadSearchText = (c: {
  name: string;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  contactFirstName: string | null;
  contactLastName: string | null;
  city: string | null;
}): string =>
  searchable(c.name, c.companyId, c.email, c.phone, c.contactFirstName, c.contactLastName, c.city);

export const leadTarget = (row: Pick<LeadRow, 'id' | 'ownerId'>) => ({
  entityType: 'lead',
  entityId: row.id,
  rootType: 'lead',
  rootId: row.id,
  ownerId: row.ownerId,
});

/** What the history shows of the potentials: the set as one field, compared as a whole. */
const potentialSummary = (potentials: readonly PotentialRow[]) =>
  potentials.map((p) => ({
    commodity: p.commodity,
    territoryCode: p.territoryCode,
    supplyPointIdentifier: p.supplyPointIdentifier,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    priceModel: p.priceModel,
    quantity: canonical(p.quantity),
    quantityUnit: p.quantityUnit,
  }));

/** The lead with its potentials as the audit log compares them (CORE-10). */
export const snapshot = (
  row: LeadRow,
  potentials: readonly PotentialRow[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { id: string; ownerId: string } => ({
  ...row,
  totalDemand: canonical(row.totalDemand),
  lastActivityAt: undefined,
  nextActivityAt: undefined,
  potentials: potentialSummary(potentials),
  ...extra,
});

export const recordLeadChange = (
  ctx: ServiceContext,
  action: 'create' | 'update' | 'archive' | 'restore',
  before: Record<string, unknown> | null,
  after: Record<string, unknown> & { id: string; ownerId: string },
) => recordChange(ctx, leadTarget(after), action, before, after);

export const versionConflict = () =>
  new AppError('version_conflict', 'The lead was changed by someone else; reload it and try again');

/** Converted, merged and archived leads are history: they are read, not changed. */
export const assertChangeable = (row: LeadRow): void => {
  if (row.status === 'converted')
    throw new AppError(
      'lead.converted',
      'The lead was converted; change the client or the business case instead',
    );
  if (row.archivedAt)
    throw new AppError('lead.archived', 'The lead is archived; restore it before changing it');
};
