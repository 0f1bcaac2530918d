import { describe, expect, it } from 'vitest';
import { suggestLeadMapping } from './import-mapping.js';

// A Reinet-style export (Slovak headers), as lead platforms write them.
const reinet = [
  'Názov firmy',
  'IČO',
  'E-mail',
  'Telefón',
  'Kontaktná osoba',
  'Obec',
  'PSČ',
  'Komodita',
  'EIC',
  'Ročná spotreba',
  'Jednotka',
  'Kampaň',
  'Interné ID',
];

describe('suggestLeadMapping', () => {
  it('maps a Slovak lead-platform export by its header names and leaves the rest unmapped', () => {
    const mapping = suggestLeadMapping(reinet);
    expect(mapping).toMatchObject({
      name: 'Názov firmy',
      companyId: 'IČO',
      email: 'E-mail',
      phone: 'Telefón',
      contactName: 'Kontaktná osoba',
      city: 'Obec',
      postalCode: 'PSČ',
      commodity: 'Komodita',
      supplyPointIdentifier: 'EIC',
      quantity: 'Ročná spotreba',
      quantityUnit: 'Jednotka',
      campaign: 'Kampaň',
      note: null,
      totalDemand: null,
    });
    expect(Object.values(mapping)).not.toContain('Interné ID');
  });

  it('starts from the mapping saved for the source, for the headers the file still has', () => {
    const saved = { name: 'Názov firmy', note: 'Interné ID', email: 'Mail (old)' };
    const mapping = suggestLeadMapping(reinet, saved);
    expect(mapping.note).toBe('Interné ID');
    // The saved header is gone from the file: the suggestion fills the field instead.
    expect(mapping.email).toBe('E-mail');
  });

  it('gives each header to one field only', () => {
    const mapping = suggestLeadMapping(['Telefón', 'Mobil']);
    expect(mapping.phone).toBe('Telefón');
    expect(Object.values(mapping).filter((h) => h === 'Telefón')).toHaveLength(1);
  });

  it('a saved mapping wins over a better-scoring suggestion', () => {
    const mapping = suggestLeadMapping(['Firma', 'Názov'], { name: 'Názov' });
    expect(mapping.name).toBe('Názov');
  });
});
