import { Decimal } from 'decimal.js';

/**
 * Commission rules (COMM-1): by product (or supplier), client kind and consumption (band or MWh range), valid for a
 * period. A supply point of a signed contract takes the most specific valid rule; a tie between two rules, or no
 * rule at all, is reported — never paid as zero.
 */
export type CommissionBasis =
  | { kind: 'perMWh'; amount: string }
  | { kind: 'perSupplyPoint'; amount: string }
  | { kind: 'marginPercent'; percent: string };

export type ConsumptionScope = { kind: 'band'; bands: string[] } | { kind: 'mwh'; fromMWh: string; toMWh: string | null };

export type CommissionRule = {
  id: string;
  productId: string | null;
  supplier: string | null;
  clientKind: 'company' | 'person' | null;
  consumption: ConsumptionScope | null;
  validFrom: string;
  /** Inclusive; null: open-ended. */
  validTo: string | null;
  basis: CommissionBasis;
};

/** What a rule is matched against: one supply point of a signed contract. */
export type SupplyPointFacts = {
  productId: string | null;
  supplier: string | null;
  clientKind: 'company' | 'person';
  /** The day the contract was signed decides which rules are valid. */
  signedOn: string;
  band: string | null;
  annualMWh: string | null;
};

export type Resolution = { ok: true; rule: CommissionRule } | { ok: false; reason: 'no_rule' } | { ok: false; reason: 'ambiguous'; ruleIds: string[] };

const inRange = (mwh: string | null, scope: Extract<ConsumptionScope, { kind: 'mwh' }>): boolean => {
  if (mwh === null) return false;
  const value = new Decimal(mwh);
  return value.gte(scope.fromMWh) && (scope.toMWh === null || value.lt(scope.toMWh));
};

const matches = (rule: CommissionRule, facts: SupplyPointFacts): boolean => {
  if (facts.signedOn < rule.validFrom || (rule.validTo !== null && facts.signedOn > rule.validTo)) return false;
  if (rule.productId !== null && rule.productId !== facts.productId) return false;
  if (rule.supplier !== null && rule.supplier !== facts.supplier) return false;
  if (rule.clientKind !== null && rule.clientKind !== facts.clientKind) return false;
  if (rule.consumption?.kind === 'band' && (facts.band === null || !rule.consumption.bands.includes(facts.band))) return false;
  if (rule.consumption?.kind === 'mwh' && !inRange(facts.annualMWh, rule.consumption)) return false;
  return true;
};

/** Specificity: a product beats a supplier beats anything; then a client kind, then a consumption scope. */
const specificity = (rule: CommissionRule): number =>
  (rule.productId !== null ? 4 : rule.supplier !== null ? 2 : 0) * 10 + (rule.clientKind !== null ? 2 : 0) + (rule.consumption !== null ? 1 : 0);

/** The one rule for a supply point, deterministically, or why there is none. */
export const resolveRule = (rules: readonly CommissionRule[], facts: SupplyPointFacts): Resolution => {
  const candidates = rules.filter((rule) => matches(rule, facts));
  if (candidates.length === 0) return { ok: false, reason: 'no_rule' };
  const best = Math.max(...candidates.map(specificity));
  const top = candidates.filter((rule) => specificity(rule) === best);
  if (top.length > 1) return { ok: false, reason: 'ambiguous', ruleIds: top.map((r) => r.id).sort() };
  return { ok: true, rule: top[0]! };
};

const periodsOverlap = (a: CommissionRule, b: CommissionRule): boolean =>
  (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);

const consumptionOverlaps = (a: ConsumptionScope | null, b: ConsumptionScope | null): boolean => {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'band' && b.kind === 'band') return a.bands.some((band) => b.bands.includes(band));
  if (a.kind === 'mwh' && b.kind === 'mwh') {
    const aBelowB = a.toMWh !== null && new Decimal(a.toMWh).lte(b.fromMWh);
    const bBelowA = b.toMWh !== null && new Decimal(b.toMWh).lte(a.fromMWh);
    return !aBelowB && !bBelowA;
  }
  return false;
};

/**
 * Rules that would overlap `rule` (same product, supplier and client kind, overlapping consumption and validity):
 * saving such a rule is refused, so resolution never meets two equally specific rules for the same scope.
 */
export const overlappingRules = (rule: CommissionRule, others: readonly CommissionRule[]): CommissionRule[] =>
  others.filter(
    (other) =>
      other.id !== rule.id &&
      other.productId === rule.productId &&
      other.supplier === rule.supplier &&
      other.clientKind === rule.clientKind &&
      consumptionOverlaps(other.consumption, rule.consumption) &&
      periodsOverlap(other, rule),
  );
