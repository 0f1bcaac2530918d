import { describe, expect, it } from 'vitest';
import { checkSupplyPointIdentifier, schemeOf } from './supply-point-identifier.js';

// Vectors from the domain pack (identifiers.md sections 1-4, territories.md). "computed" vectors were made
// valid with the EIC check rule of section 1 for a prefix the pack names (27ZG for Czech gas, 24ZZS/24ZSS).

describe('checkSupplyPointIdentifier - accepted', () => {
  it.each([
    // synthetic SK metering point, VSD prefix (identifiers.md §1)
    ['SK', 'electricity', '24ZVS00000000108', '24ZVS00000000108', 'eic'],
    ['SK', 'electricity', ' 24zvs 0000 0000 108 ', '24ZVS00000000108', 'eic'],
    // computed: ZSD and SSD designations (territories.md, unverified prefixes)
    ['SK', 'electricity', '24ZZS0000123456U', '24ZZS0000123456U', 'eic'],
    ['SK', 'electricity', '24ZSS00009876545', '24ZSS00009876545', 'eic'],
    // Slovak gas POD: 20 characters, SPP-D prefix (identifiers.md §2)
    ['SK', 'gas', 'SKSPPDIS000410123456', 'SKSPPDIS000410123456', 'sk-gas-pod'],
    // public Czech electricity EANs (identifiers.md §3)
    ['CZ', 'electricity', '859182400102993847', '859182400102993847', 'gsrn'],
    ['CZ', 'electricity', '8591824 0010 2646 743', '859182400102646743', 'gsrn'],
    ['CZ', 'electricity', '859182400110224391', '859182400110224391', 'gsrn'],
    // computed: Czech gas EIC 27ZG + RDS 500 (territories.md, GasNet)
    ['CZ', 'gas', '27ZG50000000000U', '27ZG50000000000U', 'eic'],
    // synthetic Polish PPE (identifiers.md §3)
    ['PL', 'electricity', '590543500000000018', '590543500000000018', 'gsrn'],
    ['PL', 'electricity', '590322400000000010', '590322400000000010', 'gsrn'],
    ['PL', 'electricity', '590243812345678900', '590243812345678900', 'gsrn'],
    // German MaLo-ID, both commodities (identifiers.md §4), and the legacy MeLo-ID
    ['DE', 'electricity', '41373559241', '41373559241', 'malo'],
    ['DE', 'gas', '51234567895', '51234567895', 'malo'],
    ['DE', 'electricity', '10000000009', '10000000009', 'malo'],
    ['DE', 'electricity', 'DE01234508010ABCDEFGH1234567890AB', 'DE01234508010ABCDEFGH1234567890AB', 'melo'],
  ] as const)('%s %s %s', (country, commodity, raw, value, scheme) => {
    expect(checkSupplyPointIdentifier(country, commodity, raw)).toEqual({ ok: true, value, scheme });
  });

  it('accepts a Slovak gas POD of a local distributor with a warning', () => {
    expect(checkSupplyPointIdentifier('SK', 'gas', 'SKGASTRD000000000001')).toEqual({
      ok: true,
      value: 'SKGASTRD000000000001',
      scheme: 'sk-gas-pod',
      warning: 'prefix',
    });
  });

  it('stores formats the pack has not researched normalised and flagged as unchecked', () => {
    expect(checkSupplyPointIdentifier('PL', 'gas', ' pl-8018 5900 ')).toEqual({
      ok: true,
      value: 'PL-80185900',
      scheme: 'other',
      warning: 'unchecked',
    });
  });
});

describe('checkSupplyPointIdentifier - rejected', () => {
  it.each([
    // wrong check character (identifiers.md §1 rule applied to the VSD vector)
    ['SK', 'electricity', '24ZVS00000000109', 'checksum'],
    // an EIC, but of a party (X), not a metering point: wrong kind for a supply point
    ['SK', 'electricity', '24XSPP-DISTRIB-G', 'commodity'],
    // a Czech gas EIC offered for a Slovak electricity point
    ['SK', 'electricity', '27ZG50000000000U', 'commodity'],
    ['SK', 'electricity', '24ZVS0000000010', 'length'],
    ['SK', 'electricity', '', 'required'],
    // an electricity EIC for a Slovak gas point
    ['SK', 'gas', '24ZVS00000000108', 'commodity'],
    ['SK', 'gas', 'SKSPPDIS00041012345', 'length'],
    ['SK', 'gas', 'SKSPPDIS00041012345-', 'charset'],
    // identifiers.md §3 invalid vectors
    ['CZ', 'electricity', '859182400102993848', 'checksum'],
    ['CZ', 'electricity', '859182400400000000', 'checksum'],
    ['CZ', 'electricity', '85918240010299384', 'length'],
    // a valid Polish PPE offered as a Czech EAN
    ['CZ', 'electricity', '590543500000000018', 'commodity'],
    // a Slovak electricity EIC offered as a Czech gas point
    ['CZ', 'gas', '24ZVS00000000108', 'commodity'],
    ['PL', 'electricity', '590543500000000011', 'checksum'],
    ['PL', 'electricity', '59054350000000001', 'length'],
    ['PL', 'electricity', '5905435000000000A8', 'charset'],
    // identifiers.md §4 invalid vectors
    ['DE', 'electricity', '41373559240', 'checksum'],
    ['DE', 'electricity', '01373559241', 'component'],
    ['DE', 'gas', '4137355924', 'length'],
    ['DE', 'electricity', 'DE01234508010ABCDEFGH1234567890A', 'length'],
  ] as const)('%s %s %s -> %s', (country, commodity, raw, reason) => {
    const result = checkSupplyPointIdentifier(country, commodity, raw);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('names the identifier that was expected', () => {
    expect(checkSupplyPointIdentifier('CZ', 'gas', 'x!')).toEqual({ ok: false, reason: 'charset', expected: 'eic' });
    expect(schemeOf('CZ', 'electricity')).toBe('gsrn');
    expect(schemeOf('SK', 'gas')).toBe('sk-gas-pod');
    expect(schemeOf('AT', 'gas')).toBe('other');
  });
});
