import { describe, expect, it } from 'vitest';
import { suggestTerritory, type TerritoryPrefixRule } from './territory.js';

// A dated snapshot of territories.md (SEPS designations, Czech EAN digit 10, Polish GSRN prefixes): the product
// loads the same facts as a code list, the test keeps its own copy.
const open = { validFrom: null, validTo: null };
const rules: TerritoryPrefixRule[] = [
  { ...open, country: 'SK', commodity: 'electricity', prefix: '24ZZS', territoryCode: 'sk-zsd' },
  { ...open, country: 'SK', commodity: 'electricity', prefix: '24ZSS', territoryCode: 'sk-ssd' },
  { ...open, country: 'SK', commodity: 'electricity', prefix: '24ZVS', territoryCode: 'sk-vsd' },
  { ...open, country: 'SK', commodity: 'gas', prefix: 'SKSPPDIS', territoryCode: 'sk-sppd' },
  { ...open, country: 'CZ', commodity: 'electricity', prefix: '8591824001', territoryCode: 'cz-egd' },
  { ...open, country: 'CZ', commodity: 'electricity', prefix: '8591824002', territoryCode: 'cz-egd' },
  { ...open, country: 'CZ', commodity: 'electricity', prefix: '8591824003', territoryCode: 'cz-pred' },
  { ...open, country: 'CZ', commodity: 'electricity', prefix: '8591824004', territoryCode: 'cz-cezd' },
  { ...open, country: 'PL', commodity: 'electricity', prefix: '5905435', territoryCode: 'pl-pge' },
  { validFrom: '2023-03-01', validTo: null, country: 'PL', commodity: 'electricity', prefix: '5905527401', territoryCode: 'pl-eep' },
  // a made-up shorter prefix overlapping Energia Euro Park's, to prove the longest prefix wins
  { ...open, country: 'PL', commodity: 'electricity', prefix: '59055', territoryCode: 'pl-other' },
];

describe('suggestTerritory', () => {
  it.each([
    ['SK', 'electricity', '24ZVS00000000108', 'sk-vsd'],
    ['SK', 'electricity', '24ZZS0000123456U', 'sk-zsd'],
    ['SK', 'gas', 'SKSPPDIS000410123456', 'sk-sppd'],
    // identifiers.md: 859182400102993847 is "EG.D area" (digit 10 = 1)
    ['CZ', 'electricity', '859182400102993847', 'cz-egd'],
    ['CZ', 'electricity', '859182400310000001', 'cz-pred'],
    ['PL', 'electricity', '590543500000000018', 'pl-pge'],
    ['PL', 'electricity', '590552740100000015', 'pl-eep'],
    ['PL', 'electricity', '590559000000000011', 'pl-other'],
    // the identifier does not encode the territory: chosen by hand
    ['CZ', 'gas', '27ZG50000000000U', null],
    ['DE', 'electricity', '41373559241', null],
    // an electricity prefix never suggests a gas territory
    ['SK', 'gas', '24ZVS00000000108', null],
  ] as const)('%s %s %s -> %s', (country, commodity, identifier, expected) => {
    expect(suggestTerritory(rules, { country, commodity, identifier }, '2026-01-01')).toBe(expected);
  });

  it('uses only rules valid on the date asked', () => {
    const point = { country: 'PL', commodity: 'electricity', identifier: '590552740100000015' } as const;
    expect(suggestTerritory(rules, point, '2023-02-28')).toBe('pl-other');
    expect(suggestTerritory(rules, point, '2023-03-01')).toBe('pl-eep');
  });
});
