import type { ServiceContext } from '../../context.js';
import { can } from '../auth/permissions.js';
import { searchCases } from '../cases/cases.service.js';
import { searchClients } from '../clients/clients.service.js';
import { searchContacts } from '../contacts/contacts.service.js';
import { searchLeads } from '../leads/leads.service.js';
import { searchSupplyPoints } from '../supply-points/supply-points.service.js';

export const searchHitTypes = ['supplyPoint', 'client', 'contact', 'lead', 'case'] as const;
export type SearchHit = { type: (typeof searchHitTypes)[number]; id: string; title: string; subtitle: string | null; url: string };

/** Global search: each module answers through its own access filter, so search shows nothing a list would not. */
export const search = async (ctx: ServiceContext, q: string, limit: number): Promise<SearchHit[]> => {
  const readsClients = can(ctx.actor, 'clients.read');
  // One after another: PGlite serves one connection, and each search is an indexed lookup.
  const clientHits = readsClients ? await searchClients(ctx, q, limit) : [];
  const contactHits = readsClients ? await searchContacts(ctx, q, limit) : [];
  const pointHits = readsClients ? await searchSupplyPoints(ctx, q, limit) : [];
  const leadHits = await searchLeads(ctx, q, limit);
  const caseHits = await searchCases(ctx, q, limit);
  return [
    ...pointHits.map((p) => ({
      type: 'supplyPoint' as const,
      id: p.id,
      title: p.identifier,
      subtitle: [p.holder.name, p.address.street, p.address.city].filter(Boolean).join(' · ') || null,
      url: `/supply-points/${p.id}`,
    })),
    ...clientHits.map((c) => ({
      type: 'client' as const,
      id: c.id,
      title: c.name,
      subtitle: [c.companyId, c.address.city].filter(Boolean).join(' · ') || null,
      url: `/clients/${c.id}`,
    })),
    ...contactHits.map((c) => ({
      type: 'contact' as const,
      id: c.id,
      title: `${c.firstName} ${c.lastName}`,
      subtitle: c.email ?? c.phone,
      url: `/clients/${c.clientId}?tab=contacts`,
    })),
    ...leadHits.map((l) => ({
      type: 'lead' as const,
      id: l.id,
      title: l.name,
      subtitle: [l.companyId, l.email ?? l.phone].filter(Boolean).join(' · ') || null,
      url: `/leads/${l.id}`,
    })),
    ...caseHits.map((c) => ({
      type: 'case' as const,
      id: c.id,
      title: c.name,
      subtitle: c.clientName,
      url: `/cases/${c.id}`,
    })),
  ];
};
