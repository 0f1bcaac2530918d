import { Decimal } from 'decimal.js';
import { roundQuantity, toDecimalString } from '../energy/quantity.js';

export type QuantityUnit = 'kWh' | 'MWh' | 'm3';

/** One potential of a case or lead: a commodity and a quantity in a unit (SALES-1, SALES-3). */
export type PotentialQuantity = { commodity: string; quantity: string | null; quantityUnit: QuantityUnit | null };

/**
 * An energy quantity in MWh; null for a volume (m³), which needs the site's gas conversion (k and Hs) to become
 * energy, and for a quantity without a unit. kWh → MWh divides by 1000 exactly (decimal, never a float).
 */
export const quantityInMWh = (quantity: Decimal, unit: QuantityUnit | null): Decimal | null => {
  if (unit === 'MWh') return quantity;
  if (unit === 'kWh') return quantity.dividedBy(1000);
  return null;
};

type Sum = { mwh: Decimal; m3: Decimal };

const addTo = (sums: Map<string, Sum>, p: PotentialQuantity): void => {
  const sum = sums.get(p.commodity) ?? { mwh: new Decimal(0), m3: new Decimal(0) };
  sums.set(p.commodity, sum);
  if (p.quantity === null || p.quantity.trim() === '') return;
  const quantity = new Decimal(p.quantity);
  if (p.quantityUnit === 'm3') sum.m3 = sum.m3.plus(quantity);
  else {
    const mwh = quantityInMWh(quantity, p.quantityUnit);
    if (mwh) sum.mwh = sum.mwh.plus(mwh);
  }
};

const commodityOrder = ['electricity', 'gas', 'service'];
const byCommodity = (a: string, b: string) => {
  const ia = commodityOrder.indexOf(a);
  const ib = commodityOrder.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
};

const shown = (value: Decimal): string => toDecimalString(roundQuantity(value));

export type PotentialTotal = { commodity: string; mwh: string; m3: string };

/** A case's potential summed per commodity: energy in MWh, gas volumes in m³ beside it (not converted). */
export const potentialTotals = (potentials: readonly PotentialQuantity[]): PotentialTotal[] => {
  const sums = new Map<string, Sum>();
  potentials.forEach((p) => addTo(sums, p));
  return [...sums.keys()].sort(byCommodity).map((commodity) => {
    const s = sums.get(commodity)!;
    return { commodity, mwh: shown(s.mwh), m3: shown(s.m3) };
  });
};

/** The energy potential of a case in MWh over every commodity (what a kanban card shows). */
export const potentialMWh = (potentials: readonly PotentialQuantity[]): string =>
  shown(potentials.reduce((sum, p) => {
    if (p.quantity === null || p.quantity.trim() === '') return sum;
    return sum.plus(quantityInMWh(new Decimal(p.quantity), p.quantityUnit) ?? 0);
  }, new Decimal(0)));

export type AccountPotential = {
  commodity: string;
  /** Sum of the potentials of every case of the client. */
  totalDemandMWh: string;
  /** Sum of the potentials of the won cases. */
  wonMWh: string;
  /** Total demand minus won: what is still to be sold. */
  remainingMWh: string;
  /** Gas volumes that could not be converted without a calorific value, reported separately in m³. */
  totalDemandM3: string;
  wonM3: string;
  remainingM3: string;
};

/**
 * The account-level opportunity (SALES-3): per commodity the total demand over every case of a client, what was
 * won, and the remaining potential = total demand − won.
 */
export const accountPotential = (
  cases: readonly { outcome: 'won' | 'lost' | null; potentials: readonly PotentialQuantity[] }[],
): AccountPotential[] => {
  const total = new Map<string, Sum>();
  const won = new Map<string, Sum>();
  for (const c of cases) {
    for (const p of c.potentials) {
      addTo(total, p);
      if (c.outcome === 'won') addTo(won, p);
      else if (!won.has(p.commodity)) won.set(p.commodity, { mwh: new Decimal(0), m3: new Decimal(0) });
    }
  }
  return [...total.keys()].sort(byCommodity).map((commodity) => {
    const t = total.get(commodity)!;
    const w = won.get(commodity)!;
    return {
      commodity,
      totalDemandMWh: shown(t.mwh),
      wonMWh: shown(w.mwh),
      remainingMWh: shown(t.mwh.minus(w.mwh)),
      totalDemandM3: shown(t.m3),
      wonM3: shown(w.m3),
      remainingM3: shown(t.m3.minus(w.m3)),
    };
  });
};
