import { describe, it, expect } from 'vitest';
import { checkMaloId, checkMeloId } from './malo.js';

// Vectors copied from the identifiers spec (shared/domain/identifiers.md, section 4 "Germany: MaLo-ID
// and MeLo-ID"); the spec is not read at run time. Each row notes public/synthetic and the source.

describe('checkMaloId - valid', () => {
  it.each([
    // public: BDEW example (BDEW "Anwendungshilfe MaLo-ID", algorithm as quoted in bo4e)
    ['41373559241', '41373559241'],
    // synthetic
    ['51234567895', '51234567895'],
    // synthetic
    ['10000000009', '10000000009'],
    // not in spec: grouped with spaces
    ['413 735 592 41', '41373559241'],
  ])('%s -> %s', (input, value) => {
    expect(checkMaloId(input)).toEqual({ ok: true, value });
  });
});

describe('checkMaloId - invalid', () => {
  it.each([
    // spec: BDEW example with wrong check digit
    ['41373559240', 'checksum'],
    // spec: first digit 0 is never issued
    ['01373559241', 'component'],
    // spec: 10 digits
    ['4137355924', 'length'],
    // not in spec: hostile / edge inputs
    ['', 'required'],
    ['4137355924A', 'charset'],
  ] as const)('%s -> %s', (input, reason) => {
    expect(checkMaloId(input)).toEqual({ ok: false, reason });
  });
});

describe('checkMeloId', () => {
  it.each([
    // synthetic, 33 characters (spec)
    ['DE01234508010ABCDEFGH1234567890AB', { ok: true, value: 'DE01234508010ABCDEFGH1234567890AB' }],
    // not in spec: the printed dotted form and lower case normalise to the same code
    ['de.012345.08010.abcdefgh1234567890ab', { ok: true, value: 'DE01234508010ABCDEFGH1234567890AB' }],
    // spec: the synthetic vector minus one character (32)
    ['DE01234508010ABCDEFGH1234567890A', { ok: false, reason: 'length' }],
    // spec: a code not starting DE
    ['AT01234508010ABCDEFGH1234567890AB', { ok: false, reason: 'component' }],
    // not in spec: hostile / edge inputs
    ['DE01234508010ABCDEFGH1234567890A-', { ok: false, reason: 'charset' }],
    [' ', { ok: false, reason: 'required' }],
  ] as const)('%s', (input, expected) => {
    expect(checkMeloId(input)).toEqual(expected);
  });
});
