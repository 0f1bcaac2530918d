import { and, eq, inArray, isNull, max, notInArray, type SQL } from 'drizzle-orm';
import {
  duplicateKeysOf,
  hasKeys,
  matchingFields,
  type DuplicateKeyField,
  type DuplicateKeys,
} from '../../../domain/leads/duplicate-keys.js';
import type { Potential } from '../../../domain/leads/lead-rules.js';
import { mergeLeadFields, type MergeableLead } from '../../../domain/leads/merge.js';
import { withTx, type ServiceContext } from '../../context.js';
import { invalidField } from '../../http/errors.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import { clientsByContactKeys, type ClientKeysRow } from '../clients/clients.service.js';
import { visibleSupplyPointsByIdentifier } from '../supply-points/supply-points.service.js';
import type { DuplicateMatch, LeadResponse, MergeBody } from './leads.api.js';
import {
  assertChangeable,
  canonical,
  leadSearchText,
  loadVisibleLead,
  potentialsOf,
  recordLeadChange,
  snapshot,
  toResponse,
  versionConflict,
  visibleLeads,
  type LeadRow,
  type PotentialRow,
} from './leads.records.js';
import { leadPotentials, leads } from './leads.schema.js';

// Duplicate detection (SALES-1): a lead, or a row of an import, against the leads and clients the caller may see.
// SECURITY: every candidate is read through its own module's access filter, so a record outside the caller's
// rights is never reported, not even as "a duplicate exists".

export type KeyedRecord = {
  country: string | null;
  companyId?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  supplyPointIdentifiers?: readonly (string | null | undefined)[] | undefined;
};

type Candidate = {
  type: 'lead' | 'client';
  id: string;
  name: string;
  country: string;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  status: string;
  keys: DuplicateKeys;
  /** Clients: the supply point that carries each identifier. */
  supplyPointIds: Map<string, string>;
};

/** Values per statement: bounded parameters (PostgreSQL allows 65,535) and plans that stay on the indexes. */
const chunkSize = 1000;

const chunks = <T>(values: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += chunkSize) out.push(values.slice(i, i + chunkSize));
  return out;
};

type Wanted = { companyIds: string[]; emails: string[]; phones: string[]; supplyPointIdentifiers: string[] };

const wantedOf = (keys: readonly DuplicateKeys[]): Wanted => {
  const set = {
    companyIds: new Set<string>(),
    emails: new Set<string>(),
    phones: new Set<string>(),
    supplyPointIdentifiers: new Set<string>(),
  };
  for (const k of keys) {
    if (k.companyId) set.companyIds.add(k.companyId);
    if (k.email) set.emails.add(k.email);
    if (k.phone) set.phones.add(k.phone);
    for (const id of k.supplyPointIdentifiers) set.supplyPointIdentifiers.add(id);
  }
  return {
    companyIds: [...set.companyIds],
    emails: [...set.emails],
    phones: [...set.phones],
    supplyPointIdentifiers: [...set.supplyPointIdentifiers],
  };
};

const leadCandidate = (row: LeadRow, potentials: readonly PotentialRow[]): Candidate => ({
  type: 'lead',
  id: row.id,
  name: row.name,
  country: row.country,
  companyId: row.companyId,
  email: row.email,
  phone: row.phone,
  city: row.city,
  status: row.status,
  keys: duplicateKeysOf({ ...row, supplyPointIdentifiers: potentials.map((p) => p.supplyPointIdentifier) }),
  supplyPointIds: new Map(),
});

/** Leads in use that the caller may see and that have one of the wanted keys. */
const leadCandidates = async (
  ctx: ServiceContext,
  wanted: Wanted,
  exceptLeadIds: readonly string[],
): Promise<Candidate[]> => {
  const found = new Map<string, LeadRow>();
  const select = async (condition: SQL) => {
    const rows = await ctx.db
      .select()
      .from(leads)
      .where(
        and(
          visibleLeads(ctx),
          isNull(leads.archivedAt),
          exceptLeadIds.length > 0 ? notInArray(leads.id, [...exceptLeadIds]) : undefined,
          condition,
        ),
      );
    for (const row of rows) found.set(row.id, row);
  };
  for (const part of chunks(wanted.companyIds)) await select(inArray(leads.companyId, part));
  for (const part of chunks(wanted.emails)) await select(inArray(leads.email, part));
  for (const part of chunks(wanted.phones)) await select(inArray(leads.phone, part));
  for (const part of chunks(wanted.supplyPointIdentifiers)) {
    await select(
      inArray(
        leads.id,
        ctx.db
          .select({ id: leadPotentials.leadId })
          .from(leadPotentials)
          .where(inArray(leadPotentials.supplyPointIdentifier, part)),
      ),
    );
  }
  const potentials = await potentialsOf(ctx, [...found.keys()]);
  return [...found.values()].map((row) => leadCandidate(row, potentials.get(row.id) ?? []));
};

/**
 * Clients in use that the caller may see and that have one of the wanted keys, read through the clients and
 * supply-points services (their access filter), set-based: per thousand values one statement for the supply
 * points with a wanted identifier, then one for the clients with a wanted company ID, e-mail or phone (exactly as
 * stored) or holding one of those supply points.
 */
const clientCandidates = async (
  ctx: ServiceContext,
  wanted: Wanted,
  exceptClientIds: readonly string[],
): Promise<Candidate[]> => {
  if (!can(ctx.actor, 'clients.read')) return [];
  const except = new Set(exceptClientIds);
  const identifiers = new Map<string, Map<string, string>>();
  for (const part of chunks(wanted.supplyPointIdentifiers)) {
    for (const point of await visibleSupplyPointsByIdentifier(ctx, part)) {
      const byIdentifier = identifiers.get(point.clientId) ?? new Map<string, string>();
      byIdentifier.set(point.identifier, point.id);
      identifiers.set(point.clientId, byIdentifier);
    }
  }
  const [ids, companyIds, emails, phones] = [
    chunks([...identifiers.keys()].filter((id) => !except.has(id))),
    chunks(wanted.companyIds),
    chunks(wanted.emails),
    chunks(wanted.phones),
  ];
  const found = new Map<string, ClientKeysRow>();
  const statements = Math.max(ids.length, companyIds.length, emails.length, phones.length);
  for (let i = 0; i < statements; i += 1) {
    const rows = await clientsByContactKeys(ctx, {
      ids: ids[i],
      companyIds: companyIds[i],
      emails: emails[i],
      phones: phones[i],
    });
    for (const row of rows) if (!except.has(row.id)) found.set(row.id, row);
  }
  return [...found.values()].map((c) => {
    const supplyPointIds = identifiers.get(c.id) ?? new Map<string, string>();
    return {
      type: 'client' as const,
      id: c.id,
      name: c.name,
      country: c.country,
      companyId: c.companyId,
      email: c.email,
      phone: c.phone,
      city: c.city,
      status: c.status,
      keys: duplicateKeysOf({ ...c, supplyPointIdentifiers: [...supplyPointIds.keys()] }),
      supplyPointIds,
    };
  });
};

/** The strings a candidate is found by, as `indexKeysOf` gives them for a record. */
const indexKeysOf = (keys: DuplicateKeys): string[] => [
  ...(keys.companyId ? [`c ${keys.companyId}`] : []),
  ...(keys.email ? [`e ${keys.email}`] : []),
  ...(keys.phone ? [`p ${keys.phone}`] : []),
  ...keys.supplyPointIdentifiers.map((id) => `s ${id}`),
];

const valueOf = (candidate: Candidate, field: DuplicateKeyField): string =>
  field === 'companyId'
    ? candidate.keys.companyId!
    : field === 'email'
      ? candidate.keys.email!
      : candidate.keys.phone!;

const toMatch = (
  record: DuplicateKeys,
  candidate: Candidate,
  fields: DuplicateKeyField[],
): DuplicateMatch => ({
  type: candidate.type,
  id: candidate.id,
  name: candidate.name,
  country: candidate.country,
  companyId: candidate.companyId,
  email: candidate.email,
  phone: candidate.phone,
  city: candidate.city,
  status: candidate.status,
  matchedOn: fields.flatMap((field): DuplicateMatch['matchedOn'] =>
    field === 'supplyPointIdentifier'
      ? record.supplyPointIdentifiers
          .filter((id) => candidate.keys.supplyPointIdentifiers.includes(id))
          .map((id) => {
            const supplyPointId = candidate.supplyPointIds.get(id);
            return { field, value: id, ...(supplyPointId ? { supplyPointId } : {}) };
          })
      : [{ field, value: valueOf(candidate, field) }],
  ),
});

/**
 * For each record, the leads and clients the caller may see that share a company ID (same country), e-mail,
 * phone or supply-point identifier with it; most shared keys first, then leads before clients, then by name.
 * Many records are matched with a few statements per key kind, so an import checks a chunk of rows at once.
 */
export const findDuplicates = async (
  ctx: ServiceContext,
  records: readonly KeyedRecord[],
  options: { exceptLeadIds?: readonly string[]; exceptClientIds?: readonly string[] } = {},
): Promise<DuplicateMatch[][]> => {
  const keys = records.map((r) => duplicateKeysOf(r));
  if (!keys.some(hasKeys)) return keys.map(() => []);
  const wanted = wantedOf(keys);
  const candidates = [
    ...(await leadCandidates(ctx, wanted, options.exceptLeadIds ?? [])),
    ...(await clientCandidates(ctx, wanted, options.exceptClientIds ?? [])),
  ];
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    for (const key of indexKeysOf(candidate.keys)) byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
  }
  return keys.map((record) => {
    const seen = new Set<Candidate>();
    for (const key of indexKeysOf(record)) for (const candidate of byKey.get(key) ?? []) seen.add(candidate);
    return [...seen]
      .map((candidate) => ({ candidate, fields: matchingFields(record, candidate.keys) }))
      .filter((m) => m.fields.length > 0)
      .map((m) => toMatch(record, m.candidate, m.fields))
      .sort(
        (a, b) =>
          b.matchedOn.length - a.matchedOn.length ||
          (a.type === b.type ? 0 : a.type === 'lead' ? -1 : 1) ||
          a.name.localeCompare(b.name),
      );
  });
};

/** The leads and clients that look like this lead, for the card's side-by-side view. */
export const getLeadDuplicates = async (ctx: ServiceContext, id: string): Promise<DuplicateMatch[]> => {
  assertCan(ctx.actor, 'sales.read');
  const lead = await loadVisibleLead(ctx, id);
  const potentials = (await potentialsOf(ctx, [id])).get(id) ?? [];
  const [matches] = await findDuplicates(
    ctx,
    [{ ...lead, supplyPointIdentifiers: potentials.map((p) => p.supplyPointIdentifier) }],
    {
      exceptLeadIds: [id],
      // The client the lead already belongs to, or became, is not a duplicate of it.
      exceptClientIds: [lead.clientId, lead.convertedClientId].filter((v): v is string => v !== null),
    },
  );
  return matches ?? [];
};

// ------------------------------------------------------------------------------------------ merge

export const mergeableOf = (row: LeadRow): MergeableLead => ({
  country: row.country,
  companyId: row.companyId,
  email: row.email,
  phone: row.phone,
  contactFirstName: row.contactFirstName,
  contactLastName: row.contactLastName,
  contactFunction: row.contactFunction,
  street: row.street,
  city: row.city,
  postalCode: row.postalCode,
  industry: row.industry,
  campaign: row.campaign,
  channel: row.channel,
  marketingConsent: row.marketingConsent,
  totalDemand: canonical(row.totalDemand),
  totalDemandUnit: row.totalDemandUnit,
  clientId: row.clientId,
  note: row.note,
  attributes: row.attributes,
});

/**
 * Fills the kept lead's empty fields from `source` and appends the source's potentials whose supply point the
 * lead does not have yet, with its history (`origin` says where the data came from). The caller has loaded
 * `target` for update through the access filter and owns the transaction.
 */
export const fillLead = async (
  ctx: ServiceContext,
  target: LeadRow,
  source: { fields: MergeableLead; potentials: readonly Potential[]; origin: Record<string, unknown> },
): Promise<{ row: LeadRow; potentials: PotentialRow[] }> => {
  const existing = (await potentialsOf(ctx, [target.id])).get(target.id) ?? [];
  const patch = mergeLeadFields(mergeableOf(target), source.fields);
  const known = new Set(existing.flatMap((p) => (p.supplyPointIdentifier ? [p.supplyPointIdentifier] : [])));
  const added = source.potentials.filter(
    (p) => !p.supplyPointIdentifier || !known.has(p.supplyPointIdentifier),
  );
  const merged = { ...target, ...patch };
  const [row] = await ctx.db
    .update(leads)
    .set({
      ...patch,
      searchText: leadSearchText(merged),
      version: target.version + 1,
      updatedAt: ctx.now(),
      updatedBy: actorUserId(ctx.actor),
    })
    .where(and(eq(leads.id, target.id), eq(leads.version, target.version)))
    .returning();
  if (!row) throw versionConflict();
  let potentials = existing;
  if (added.length > 0) {
    const [last] = await ctx.db
      .select({ position: max(leadPotentials.position) })
      .from(leadPotentials)
      .where(eq(leadPotentials.leadId, target.id));
    const start = (last?.position ?? -1) + 1;
    const inserted = await ctx.db
      .insert(leadPotentials)
      .values(added.map((p, i) => ({ ...p, leadId: target.id, position: start + i })))
      .returning();
    potentials = [...existing, ...inserted];
  }
  await recordLeadChange(ctx, 'update', snapshot(target, existing), snapshot(row, potentials, source.origin));
  return { row, potentials };
};

/**
 * Merges lead `id` into `intoLeadId` in one transaction: the kept lead's empty fields are filled and it gets the
 * potentials; the merged lead is archived with a pointer to the kept one. Both histories say so.
 */
export const mergeLead = async (ctx: ServiceContext, id: string, input: MergeBody): Promise<LeadResponse> => {
  assertCan(ctx.actor, 'sales.write');
  if (id === input.intoLeadId)
    throw invalidField('intoLeadId', 'same_lead', 'a lead cannot be merged into itself');
  return withTx(ctx, async (ctx) => {
    // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const [first, second] = [id, input.intoLeadId].sort();
    const locked = new Map<string, LeadRow>();
    for (const leadId of [first!, second!]) locked.set(leadId, await loadVisibleLead(ctx, leadId, true));
    const source = locked.get(id)!;
    const target = locked.get(input.intoLeadId)!;
    if (input.version !== undefined && source.version !== input.version) throw versionConflict();
    if (input.intoVersion !== undefined && target.version !== input.intoVersion) throw versionConflict();
    assertChangeable(source);
    assertChangeable(target);
    const sourcePotentials = (await potentialsOf(ctx, [id])).get(id) ?? [];
    const kept = await fillLead(ctx, target, {
      fields: mergeableOf(source),
      potentials: sourcePotentials.map((p) => ({
        commodity: p.commodity,
        territoryCode: p.territoryCode,
        supplyPointIdentifier: p.supplyPointIdentifier,
        periodFrom: p.periodFrom,
        periodTo: p.periodTo,
        priceModel: p.priceModel,
        quantity: canonical(p.quantity),
        quantityUnit: p.quantityUnit,
      })),
      origin: { mergedFrom: id },
    });
    // The merged lead keeps nothing that now lives on the kept one: its potentials moved, the row is archived.
    await ctx.db.delete(leadPotentials).where(eq(leadPotentials.leadId, id));
    const [archived] = await ctx.db
      .update(leads)
      .set({
        archivedAt: ctx.now(),
        mergedIntoLeadId: target.id,
        version: source.version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(leads.id, id), eq(leads.version, source.version)))
      .returning();
    if (!archived) throw versionConflict();
    await recordLeadChange(ctx, 'archive', snapshot(source, sourcePotentials), snapshot(archived, []));
    return toResponse(kept.row, kept.potentials);
  });
};
