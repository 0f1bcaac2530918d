import type { ServiceContext } from '../../context.js';
import { can } from '../auth/permissions.js';
import { searchClients } from '../clients/clients.service.js';
import { searchContacts } from '../contacts/contacts.service.js';
import { searchSupplyPoints } from '../supply-points/supply-points.service.js';

export type SearchHit = { type: 'client' | 'contact' | 'supplyPoint'; id: string; title: string; subtitle: string | null; url: string };

/** Global search: each module answers through its own access filter, so search shows nothing a list would not. */
export const search = async (ctx: ServiceContext, q: string, limit: number): Promise<SearchHit[]> => {
  if (!can(ctx.actor, 'clients.read')) return [];
  const [clientHits, contactHits, pointHits] = await Promise.all([
    searchClients(ctx, q, limit),
    searchContacts(ctx, q, limit),
    searchSupplyPoints(ctx, q, limit),
  ]);
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
  ];
};
