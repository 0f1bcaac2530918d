import { describe, expect, it } from 'vitest';
import { checkPartyFields, normalisePhone } from '../domain/clients/client-rules.js';
import { checkCompanyIdentifiers } from '../domain/identifiers/index.js';
import { generateClient, seededRandom, type GeneratedClient } from '../server/demo/generator.js';

/** The bench's data (bench/load.ts) comes from this generator: it must look real and be reproducible. */
const sample = (seed: number, n: number, contactCount = 3): GeneratedClient[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => generateClient(random, i, contactCount));
};

const clients = sample(2026, 500);
const companies = clients.filter((c) => c.kind === 'company');

describe('generated clients', () => {
  it('are a realistic mix: both countries, companies and people', () => {
    expect(new Set(clients.map((c) => c.country))).toEqual(new Set(['SK', 'CZ']));
    expect(companies.length).toBeGreaterThan(clients.length * 0.7);
    expect(clients.some((c) => c.kind === 'person')).toBe(true);
  });

  it('have identifiers that pass the country rules without a problem (IČO, DIČ, IČ DPH)', () => {
    for (const c of companies) {
      const result = checkCompanyIdentifiers(c.country, {
        companyId: c.companyId,
        taxId: c.taxId,
        vatId: c.vatId,
      });
      expect(result.problems, `${c.country} ${c.companyId} ${c.taxId} ${c.vatId}`).toEqual([]);
      expect(c.companyId).toMatch(/^\d{8}$/);
    }
  });

  it('are already in the normalised form the service stores, so the bulk loader can write them as they are', () => {
    for (const c of clients) {
      const party = checkPartyFields({
        country: c.country,
        companyId: c.companyId,
        taxId: c.taxId,
        vatId: c.vatId,
        phones: { phone: c.phone },
      });
      expect(party.errors).toEqual([]);
      expect(party.values).toEqual({
        companyId: c.companyId,
        taxId: c.taxId,
        vatId: c.vatId,
        phones: { phone: c.phone },
      });
      for (const contact of c.contacts) expect(normalisePhone(contact.phone, c.country)).toBe(contact.phone);
    }
  });

  it('are the same for the same seed and differ for another', () => {
    expect(sample(7, 50)).toEqual(sample(7, 50));
    expect(sample(8, 50)).not.toEqual(sample(7, 50));
  });

  it('have Slovak and Czech names with their diacritics', () => {
    const text = clients
      .flatMap((c) => [
        c.name,
        c.address.city,
        c.address.street,
        ...c.contacts.flatMap((p) => [p.firstName, p.lastName]),
      ])
      .join(' ');
    const letters = new Set(text.toLowerCase().match(/[^\p{ASCII}]/gu));
    // Letters both languages share, and Czech ones (ě in Budějovice, ř in Jiří, Dvořák).
    expect([...letters].sort()).toEqual(
      expect.arrayContaining(['á', 'é', 'í', 'ó', 'ú', 'ý', 'č', 'š', 'ž', 'ě', 'ř']),
    );
    expect(clients.filter((c) => /[^\p{ASCII}]/u.test(c.name)).length).toBeGreaterThan(clients.length / 4);
  });

  it('give each company the requested number of contacts, the first one signing', () => {
    for (const c of sample(3, 100, 4).filter((x) => x.kind === 'company')) {
      expect(c.contacts).toHaveLength(4);
      expect(c.contacts.map((p) => p.isSigningPerson)).toEqual([true, false, false, false]);
      expect(new Set(c.contacts.map((p) => p.email)).size).toBe(4);
    }
  });
});
