import type { Potential, QuantityUnit } from './lead-rules.js';
import { potentialSum } from './lead-rules.js';

/** The fields of a lead a merge may fill: what a second source knows that the kept lead does not. */
export type MergeableLead = {
  country: string;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  contactFirstName: string | null;
  contactLastName: string | null;
  contactFunction: string | null;
  street: string | null;
  city: string | null;
  postalCode: string | null;
  industry: string | null;
  campaign: string | null;
  channel: string | null;
  marketingConsent: 'granted' | 'refused' | 'unknown';
  totalDemand: string | null;
  totalDemandUnit: QuantityUnit | null;
  clientId: string | null;
  note: string | null;
  attributes: Record<string, string>;
};

const simpleFields = [
  'email',
  'phone',
  'contactFirstName',
  'contactLastName',
  'contactFunction',
  'street',
  'city',
  'postalCode',
  'industry',
  'campaign',
  'channel',
  'clientId',
  'note',
] as const satisfies readonly (keyof MergeableLead)[];

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * What merging `source` into `target` changes on the target: every empty field of the target takes the source's
 * value; a filled field is never overwritten (the kept lead wins). A company ID moves only within one country
 * (it is normalised by the country's rules), the total demand only with its unit, the marketing consent only
 * from unknown, and attributes the target lacks are added.
 */
export const mergeLeadFields = (target: MergeableLead, source: MergeableLead): Partial<MergeableLead> => {
  const patch: Partial<MergeableLead> = {};
  for (const field of simpleFields) {
    if (isEmpty(target[field]) && !isEmpty(source[field])) patch[field] = source[field];
  }
  if (isEmpty(target.companyId) && !isEmpty(source.companyId) && target.country === source.country)
    patch.companyId = source.companyId;
  if (isEmpty(target.totalDemand) && !isEmpty(source.totalDemand) && source.totalDemandUnit) {
    patch.totalDemand = source.totalDemand;
    patch.totalDemandUnit = source.totalDemandUnit;
  }
  if (target.marketingConsent === 'unknown' && source.marketingConsent !== 'unknown')
    patch.marketingConsent = source.marketingConsent;
  const added = Object.entries(source.attributes).filter(
    ([key, value]) => !(key in target.attributes) && !isEmpty(value),
  );
  if (added.length > 0) patch.attributes = { ...target.attributes, ...Object.fromEntries(added) };
  return patch;
};

/** The business case's commodity from the lead's potentials: one energy commodity, else `other`. */
export const caseCommodityOf = (
  potentials: readonly Pick<Potential, 'commodity'>[],
): 'electricity' | 'gas' | 'other' => {
  const kinds = new Set(potentials.map((p) => p.commodity));
  if (kinds.size === 1 && kinds.has('electricity')) return 'electricity';
  if (kinds.size === 1 && kinds.has('gas')) return 'gas';
  return 'other';
};

/**
 * The total demand a converted case carries: the lead's own, else the sum of its potentials when they share a
 * unit (the most business possible is at least what can be won now), else none.
 */
export const totalDemandOf = (
  lead: { totalDemand: string | null; totalDemandUnit: QuantityUnit | null },
  potentials: readonly Pick<Potential, 'quantity' | 'quantityUnit'>[],
): { totalDemand: string; totalDemandUnit: QuantityUnit } | null => {
  if (lead.totalDemand !== null && lead.totalDemandUnit !== null)
    return { totalDemand: lead.totalDemand, totalDemandUnit: lead.totalDemandUnit };
  const sum = potentialSum(potentials);
  return sum ? { totalDemand: sum.quantity, totalDemandUnit: sum.unit } : null;
};
