import { kWhToMWh } from '../../../domain/energy/quantity.js';
import type {
  DocumentParty,
  DocumentPerson,
  DocumentSupplyPoint,
} from '../../../domain/documents/placeholders.js';
import type { ServiceContext } from '../../context.js';
import { getClient } from '../clients/clients.service.js';
import { listContactsOfClient } from '../contacts/contacts.service.js';
import { supplyPointsByIds } from '../supply-points/supply-points.service.js';

/**
 * The parts of a document's data that the offer and the contract (CONTRACT-5) fill alike: the client, its contact
 * persons and the supply points, each with its own address.
 */

type Contact = Awaited<ReturnType<typeof listContactsOfClient>>[number];

export const documentPersonOf = (c: Contact): DocumentPerson => ({
  fullName: `${c.firstName} ${c.lastName}`.trim(),
  firstName: c.firstName,
  lastName: c.lastName,
  function: c.function,
  email: c.email,
  // A contact reached only on a mobile still has a number on the document.
  phone: c.phone ?? c.mobile ?? null,
});

/** The client's block of a document: its names, identifiers and registered address. */
export const documentPartyOf = (client: Awaited<ReturnType<typeof getClient>>): DocumentParty => {
  const { street, postalCode, city, country } = client.address;
  return {
    name: client.name,
    companyId: client.companyId,
    taxId: client.taxId,
    vatId: client.vatId,
    email: client.email,
    phone: client.phone,
    address: { street, postalCode, city, country },
  };
};

/** The client (as the caller may see it) with its contacts, for a template's `client`, `contacts` and `signingPersons`. */
export const documentClient = async (
  ctx: ServiceContext,
  clientId: string,
): Promise<{ client: DocumentParty; contacts: Contact[] }> => {
  const client = await getClient(ctx, clientId);
  const contacts = await listContactsOfClient(ctx, clientId);
  return {
    client: documentPartyOf(client),
    contacts,
  };
};

/**
 * The supply points by id, read in one statement (access was checked on the record the document is of), each with
 * its annual consumption in `unit` and its own address. An id that is not found is left out.
 */
export const documentSupplyPoints = async (
  ctx: ServiceContext,
  ids: readonly string[],
  unit: 'kWh' | 'MWh',
): Promise<Map<string, DocumentSupplyPoint>> => {
  const points = new Map<string, DocumentSupplyPoint>();
  for (const [id, p] of await supplyPointsByIds(ctx, ids)) {
    const kWh = p.annualConsumptionKWh;
    points.set(id, {
      identifier: p.identifier,
      commodity: p.commodity,
      annualConsumption: kWh === null ? null : unit === 'MWh' ? kWhToMWh(kWh) : kWh,
      consumptionUnit: kWh === null ? null : unit,
      address: { street: p.street, postalCode: p.postalCode, city: p.city, country: p.addressCountry },
    });
  }
  return points;
};
