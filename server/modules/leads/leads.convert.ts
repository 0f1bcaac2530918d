import { and, eq, inArray } from 'drizzle-orm';
import { codeOf } from '../../../domain/leads/import-cells.js';
import { caseCommodityOf, totalDemandOf } from '../../../domain/leads/merge.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { createCase } from '../cases/cases.service.js';
import { createClient, getClient } from '../clients/clients.service.js';
import { listCodeList } from '../code-lists/code-lists.service.js';
import { createContact, listContactsOfClient } from '../contacts/contacts.service.js';
import { getSupplyPoint, visibleSupplyPoints } from '../supply-points/supply-points.service.js';
import type { ConvertBody, ConvertResponse } from './leads.api.js';
import {
  canonical,
  loadVisibleLead,
  potentialsOf,
  recordLeadChange,
  snapshot,
  toResponse,
  versionConflict,
  type LeadRow,
  type PotentialRow,
} from './leads.records.js';
import { leads } from './leads.schema.js';

/**
 * Runs one step of the conversion and names the record its field problems belong to (`client.companyId`,
 * `contact.phone`, `case.type`), so the user sees which of the three records refused.
 */
const step = async <T>(record: 'client' | 'contact' | 'case', work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.errors) {
      throw new AppError(error.code, `${record}: ${error.message}`, {
        errors: error.errors.map((p) => ({
          ...p,
          path: `${record}.${p.path}`,
          message: `${record}.${p.message}`,
        })),
      });
    }
    throw error;
  }
};

/** The client the lead converts into when it names one: visible and in use, else the field is refused. */
const existingClient = async (ctx: ServiceContext, clientId: string) => {
  const client = await getClient(ctx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('validation', 'clientId: no such client among yours', {
        errors: [
          {
            path: 'clientId',
            code: 'unknown_client',
            message: 'clientId: no such client among those you may see',
          },
        ],
      });
    }
    throw error;
  });
  if (client.archivedAt)
    throw new AppError(
      'client.archived',
      'The client is archived; restore it before converting a lead into it',
    );
  return client;
};

const newClientOf = (lead: LeadRow) => ({
  ownerId: lead.ownerId,
  kind: lead.kind,
  name: lead.name,
  country: lead.country,
  companyId: lead.companyId,
  status: 'active' as const,
  relationshipType: 'customer',
  industry: lead.industry,
  email: lead.email,
  phone: lead.phone,
  address:
    lead.street || lead.city || lead.postalCode
      ? { street: lead.street, city: lead.city, postalCode: lead.postalCode, country: lead.country }
      : null,
  teamId: lead.teamId,
  responsibleUserId: lead.responsibleUserId,
});

/**
 * The lead's contact person as a contact of the client, unless the client already has them (same e-mail, or the
 * same first and last name). A function the contactFunction code list knows (by code or label) is kept as such,
 * any other as the contact's note. Without both names there is no person to create.
 */
const contactFromLead = async (
  ctx: ServiceContext,
  lead: LeadRow,
  clientId: string,
): Promise<string | null> => {
  if (!lead.contactFirstName || !lead.contactLastName) return null;
  const existing = await listContactsOfClient(ctx, clientId);
  const same = (a: string | null, b: string | null) =>
    a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
  if (
    existing.some(
      (c) =>
        same(c.email, lead.email) ||
        (same(c.firstName, lead.contactFirstName) && same(c.lastName, lead.contactLastName)),
    )
  )
    return null;
  const functions = (await listCodeList(ctx, 'contactFunction')).filter((item) => item.isActive);
  const code = lead.contactFunction ? codeOf(functions, lead.contactFunction) : null;
  const isKnown = code !== null && functions.some((item) => item.code === code);
  const contact = await createContact(ctx, clientId, {
    firstName: lead.contactFirstName,
    lastName: lead.contactLastName,
    function: isKnown ? code : null,
    email: lead.email,
    phone: lead.phone,
    note: lead.contactFunction && !isKnown ? lead.contactFunction : null,
    isSigningPerson: false,
    isPrimary: existing.length === 0,
  });
  return contact.id;
};

/** Supply points of the client that the lead's potentials name: the case is about them (SALES-3). */
const supplyPointsOfClient = async (
  ctx: ServiceContext,
  clientId: string,
  potentials: readonly PotentialRow[],
): Promise<string[]> => {
  const identifiers = potentials.flatMap((p) => (p.supplyPointIdentifier ? [p.supplyPointIdentifier] : []));
  if (identifiers.length === 0) return [];
  const points = visibleSupplyPoints(ctx);
  const found = await ctx.db.select().from(points).where(inArray(points.identifier, identifiers));
  const ids: string[] = [];
  for (const { id } of found) {
    const point = await getSupplyPoint(ctx, id);
    if (point.clientId === clientId && !point.archivedAt) ids.push(point.id);
  }
  return ids;
};

/**
 * Converts a lead (SALES-2) in ONE transaction: creates the client from the lead (or links the existing one it
 * names), a contact from its contact person, and a business case carrying its potentials and total demand; the
 * lead becomes `converted` with links to both. Any refusal on the way leaves nothing written.
 */
export const convertLead = async (
  ctx: ServiceContext,
  id: string,
  input: ConvertBody,
): Promise<ConvertResponse> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const lead = await loadVisibleLead(ctx, id, true);
    if (input.version !== undefined && lead.version !== input.version) throw versionConflict();
    if (lead.status === 'converted') throw new AppError('lead.converted', 'The lead was converted already');
    if (lead.archivedAt)
      throw new AppError('lead.archived', 'The lead is archived; restore it before converting it');
    if (lead.status === 'disqualified') {
      throw new AppError('lead.wrong_status', 'A disqualified lead is not converted; qualify it first', {
        errors: [{ path: 'status', code: 'disqualified', message: 'status: the lead is disqualified' }],
      });
    }
    const potentials = (await potentialsOf(ctx, [id])).get(id) ?? [];
    const linkTo = input.clientId ?? lead.clientId;
    const client = linkTo
      ? await existingClient(ctx, linkTo)
      : await step('client', () => createClient(ctx, newClientOf(lead)));
    const contactId = await step('contact', () => contactFromLead(ctx, lead, client.id));
    let caseId: string | null = null;
    if (input.createCase) {
      const demand = totalDemandOf(
        { totalDemand: canonical(lead.totalDemand), totalDemandUnit: lead.totalDemandUnit },
        potentials.map((p) => ({ quantity: canonical(p.quantity), quantityUnit: p.quantityUnit })),
      );
      const supplyPointIds = linkTo ? await supplyPointsOfClient(ctx, client.id, potentials) : [];
      const created = await step('case', () =>
        createCase(ctx, {
          clientId: client.id,
          name: input.caseName ?? lead.name,
          type: input.caseType ?? 'acquisition',
          commodity: input.commodity ?? caseCommodityOf(potentials),
          potentials: potentials.map((p) => ({
            commodity: p.commodity,
            territoryCode: p.territoryCode,
            periodFrom: p.periodFrom,
            periodTo: p.periodTo,
            priceModel: p.priceModel,
            quantity: canonical(p.quantity),
            quantityUnit: p.quantityUnit,
          })),
          ...(demand ?? {}),
          ...(supplyPointIds.length > 0 ? { supplyPointIds } : {}),
          leadId: lead.id,
          processTemplateId: input.processTemplateId ?? null,
          ...(lead.responsibleUserId ? { responsibleUserId: lead.responsibleUserId } : {}),
          priority: lead.priority,
          territoryCode: potentials.find((p) => p.territoryCode)?.territoryCode ?? null,
          note: lead.note,
        }),
      );
      caseId = created.id;
    }
    const [row] = await ctx.db
      .update(leads)
      .set({
        status: 'converted',
        clientId: client.id,
        convertedClientId: client.id,
        convertedCaseId: caseId,
        convertedAt: ctx.now(),
        version: lead.version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(leads.id, id), eq(leads.version, lead.version)))
      .returning();
    if (!row) throw versionConflict();
    await recordLeadChange(ctx, 'update', snapshot(lead, potentials), snapshot(row, potentials));
    return {
      lead: toResponse(row, potentials),
      clientId: client.id,
      clientCreated: !linkTo,
      contactId,
      caseId,
    };
  });
};
