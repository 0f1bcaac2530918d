import { describe, expect, it } from 'vitest';
import { overlappingRules, resolveRule, type CommissionRule, type SupplyPointFacts } from './rules.js';

const rule = (id: string, overrides: Partial<CommissionRule> = {}): CommissionRule => ({
  id,
  productId: null,
  supplier: null,
  clientKind: null,
  consumption: null,
  validFrom: '2026-01-01',
  validTo: null,
  basis: { kind: 'perMWh', amount: '1.50' },
  ...overrides,
});

const facts: SupplyPointFacts = { productId: 'fix-2027', supplier: 'Voltia', clientKind: 'company', signedOn: '2026-11-20', band: 'C2', annualMWh: '120' };

const rules: CommissionRule[] = [
  rule('any'),
  rule('voltia', { supplier: 'Voltia' }),
  rule('voltia-companies', { supplier: 'Voltia', clientKind: 'company' }),
  rule('fix-2027', { productId: 'fix-2027' }),
  rule('fix-2027-small', { productId: 'fix-2027', consumption: { kind: 'mwh', fromMWh: '0', toMWh: '100' } }),
  rule('fix-2027-large', { productId: 'fix-2027', consumption: { kind: 'mwh', fromMWh: '100', toMWh: null } }),
  rule('old', { productId: 'fix-2027', clientKind: 'company', validFrom: '2025-01-01', validTo: '2025-12-31' }),
];

describe('resolveRule', () => {
  it.each<[string, Partial<SupplyPointFacts>, string]>([
    ['a product rule with a matching MWh range beats every broader rule', {}, 'fix-2027-large'],
    ['the MWh range is half-open: 100 MWh is large, 99.999 small', { annualMWh: '99.999' }, 'fix-2027-small'],
    ['without consumption only the product rule without a range fits', { annualMWh: null }, 'fix-2027'],
    ['another product of the supplier takes the supplier rule for its client kind', { productId: 'spot' }, 'voltia-companies'],
    ['a household of another product takes the supplier rule', { productId: 'spot', clientKind: 'person' }, 'voltia'],
    ['another supplier takes the general rule', { productId: 'other', supplier: 'Iný' }, 'any'],
    ['a rule no longer valid is not used', { productId: 'fix-2027', annualMWh: null, signedOn: '2025-06-01' }, 'old'],
  ])('%s', (_case, overrides, id) => {
    const result = resolveRule(rules, { ...facts, ...overrides });
    expect(result.ok && result.rule.id).toBe(id);
  });

  it('reports a supply point no rule covers instead of paying zero', () => {
    expect(resolveRule([rule('voltia', { supplier: 'Voltia' })], { ...facts, supplier: 'Iný' })).toEqual({ ok: false, reason: 'no_rule' });
    expect(resolveRule([rule('later', { validFrom: '2027-01-01' })], facts)).toEqual({ ok: false, reason: 'no_rule' });
  });

  it('reports two equally specific rules instead of picking one by chance', () => {
    const tie = [rule('b', { supplier: 'Voltia', consumption: { kind: 'band', bands: ['C2'] } }), rule('a', { supplier: 'Voltia', consumption: { kind: 'mwh', fromMWh: '50', toMWh: null } })];
    expect(resolveRule(tie, facts)).toEqual({ ok: false, reason: 'ambiguous', ruleIds: ['a', 'b'] });
  });

  it('gives the same answer whatever the order of the rules', () => {
    const reversed = [...rules].reverse();
    expect(resolveRule(reversed, facts)).toEqual(resolveRule(rules, facts));
  });
});

describe('overlappingRules', () => {
  it.each<[string, Partial<CommissionRule>, string[]]>([
    ['the same scope with an open end overlaps', { supplier: 'Voltia' }, ['voltia']],
    ['the same scope ending before the other starts does not', { supplier: 'Voltia', validFrom: '2024-01-01', validTo: '2025-12-31' }, []],
    ['an open MWh range within another open one overlaps it', { productId: 'fix-2027', consumption: { kind: 'mwh', fromMWh: '200', toMWh: null } }, ['fix-2027-large']],
    ['a range inside the small one overlaps it, not the large one', { productId: 'fix-2027', consumption: { kind: 'mwh', fromMWh: '0', toMWh: '50' } }, ['fix-2027-small']],
    ['a range starting where the small one ends only touches it', { productId: 'fix-2027', consumption: { kind: 'mwh', fromMWh: '100', toMWh: '150' } }, ['fix-2027-large']],
    ['a band scope never overlaps an MWh scope', { productId: 'fix-2027', consumption: { kind: 'band', bands: ['C2'] } }, []],
    ['another client kind is another scope', { supplier: 'Voltia', clientKind: 'person' }, []],
  ])('%s', (_case, overrides, ids) => {
    expect(overlappingRules(rule('new', overrides), rules).map((r) => r.id)).toEqual(ids);
  });
});
