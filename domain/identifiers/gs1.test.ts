import { describe, it, expect } from 'vitest';
import { checkGln13, checkGsrn18 } from './gs1.js';

// Vectors copied from the identifiers spec (shared/domain/identifiers.md, section 3 "GS1 18-digit
// codes"); the spec is not read at run time. Each row notes public/synthetic and the source.

describe('checkGsrn18 - valid', () => {
  it.each([
    // public code sample, Czech electricity EAN, EG.D area (srovnejto.cz EAN structure)
    ['859182400102993847', '859182400102993847'],
    // public code sample, Czech electricity EAN
    ['859182400102646743', '859182400102646743'],
    // public code sample, Czech electricity EAN
    ['859182400110224391', '859182400110224391'],
    // synthetic Polish PPE, PGE Dystrybucja prefix 5905435
    ['590543500000000018', '590543500000000018'],
    // synthetic Polish PPE, Tauron prefix 5903224
    ['590322400000000010', '590322400000000010'],
    // synthetic Polish PPE, Energa prefix 5902438
    ['590243812345678900', '590243812345678900'],
    // not in spec: printed with spaces
    [' 859 1824 0010 2993 847 ', '859182400102993847'],
  ])('%s -> %s', (input, value) => {
    expect(checkGsrn18(input)).toEqual({ ok: true, value });
  });
});

describe('checkGsrn18 - invalid', () => {
  it.each([
    // spec: Czech EAN with wrong check digit
    ['859182400102993848', 'checksum'],
    // spec: shown as "valid" in one public repo that does not check GS1; it fails the check digit
    ['859182400400000000', 'checksum'],
    // spec: 17 digits
    ['85918240010299384', 'length'],
    // spec: synthetic Polish PPE with wrong check digit
    ['590543500000000011', 'checksum'],
    // spec: synthetic Polish PPE, 17 digits
    ['59054350000000001', 'length'],
    // spec: letter in a digit-only code
    ['5905435000000000A8', 'charset'],
    // not in spec: hostile / edge inputs
    ['', 'required'],
    ['８５９１８２４００１０２９９３８４７', 'charset'],
    ['PL0000000000000000', 'charset'],
  ] as const)('%s -> %s', (input, reason) => {
    expect(checkGsrn18(input)).toEqual({ ok: false, reason });
  });
});

describe('checkGln13', () => {
  it.each([
    // public: GLN of CEZ Distribuce (dodavatelektriny.cz DSO GLNs)
    ['8591824071502', { ok: true, value: '8591824071502' }],
    // not in spec: same GLN with the last digit changed
    ['8591824071503', { ok: false, reason: 'checksum' }],
    // not in spec: an 18-digit GSRN is not a GLN
    ['859182400102993847', { ok: false, reason: 'length' }],
  ] as const)('%s', (input, expected) => {
    expect(checkGln13(input)).toEqual(expected);
  });
});
