import { Decimal } from 'decimal.js';
import { gasEnergyKWh } from '../energy/gas-conversion.js';
import { roundQuantity, toDecimalString } from '../energy/quantity.js';
import { isValidOn } from '../energy/validity.js';
import { moneyString, percentOf, roundMoney, sumMoney, vatOf, type Currency } from '../money.js';

/**
 * The cost of supplying one supply point for a delivery period, line by line (OFFER-1): the supplier's commodity
 * price and fixed fee from a price list, the regulated components of the point's distribution territory, excise
 * tax, then VAT on the net total. Pure: the caller loads the price-list rows, components and VAT rate (data with
 * validity, never constants here) and passes them in. Money rounding is domain/money.ts: each line rounded to the
 * minor unit half up, the net is the sum of rounded lines, VAT is on the rounded net.
 */

/** Regulated and tax components in the order an invoice lists them. */
export const componentKinds = [
  'distribution',
  'transmission',
  'system_services',
  'system_operation',
  'losses',
  'market_operator',
  'nuclear_fund',
  'renewables_support',
  'other',
  'excise',
] as const;
export type ComponentKind = (typeof componentKinds)[number];

/** What a component's amount is multiplied by: the MWh delivered, or the months of the period. */
export const chargeBases = ['per_mwh', 'per_month'] as const;
export type ChargeBasis = (typeof chargeBases)[number];

/** One row of a product's price list. `tariffCode` is a consumption band (D2, M3 …) or distribution rate (DD2, C02d …); null for every tariff. */
export type PriceRow = {
  tariffCode: string | null;
  pricePerMWh: string;
  monthlyFee: string;
  /** The supplier's purchase cost per MWh, for the margin; null when unknown. */
  purchasePerMWh: string | null;
};

/** A regulated charge (or tax) valid for a period, already filtered to the point's country, commodity and territory. */
export type RegulatedCharge = {
  component: ComponentKind;
  basis: ChargeBasis;
  amount: string;
  /** A band or rate the charge applies to; null for every tariff. A tariff-specific row wins over a general one. */
  tariffCode: string | null;
  validFrom: string | null;
  validTo: string | null;
};

export type PricingSupplyPoint = {
  commodity: 'electricity' | 'gas';
  annualConsumption: string | null;
  consumptionUnit: 'kWh' | 'MWh' | 'm3' | null;
  /** Gas metered in m³: the volume coefficient k and calorific value Hs (kWh/m³) for the conversion. */
  gasConversion: { k: string; hs: string } | null;
  distributionRate: string | null;
  /** The consumption band of the point's annual consumption on the delivery start (domain/energy). */
  consumptionBand: string | null;
};

export type PricingInput = {
  currency: Currency;
  /** First day of the first delivery month (YYYY-MM-01). */
  deliveryFrom: string;
  /** Last day of the last delivery month. */
  deliveryTo: string;
  supplyPoint: PricingSupplyPoint;
  priceRows: readonly PriceRow[];
  regulated: readonly RegulatedCharge[];
  vatPercent: string;
};

export type PricingLineKind = 'commodity' | 'supplier_fee' | ComponentKind;

export type PricingLine = {
  kind: PricingLineKind;
  basis: ChargeBasis;
  tariffCode: string | null;
  /** MWh (3 decimals, as shown) or months. */
  quantity: string;
  unit: 'MWh' | 'month';
  unitPrice: string;
  /** Rounded to the currency's minor unit. */
  amount: string;
  /** Start of the charge's validity when the period spans several (e.g. a distribution price per calendar year). */
  validFrom: string | null;
};

export type PricingResult = {
  currency: Currency;
  deliveryFrom: string;
  deliveryTo: string;
  months: number;
  annualMWh: string;
  quantityMWh: string;
  /** The price-list row's tariff code that priced the commodity (null: the row for every tariff). */
  priceTariffCode: string | null;
  lines: PricingLine[];
  net: string;
  vatPercent: string;
  vat: string;
  gross: string;
  /** The supplier's own revenue (commodity + fixed fee), the base of the margin. */
  supplierRevenue: string;
  purchaseCost: string | null;
  margin: string | null;
  /** Margin in per cent of the supplier's revenue (regulated components pass through); two decimals. */
  marginPercent: string | null;
};

export type PricingProblem = { path: string; code: string; message: string };

/** Input pricing cannot use; `problems` names each field and rule (a 400 at the API). */
export class PricingError extends Error {
  readonly problems: PricingProblem[];
  constructor(problems: PricingProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.problems = problems;
  }
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first days (YYYY-MM-01) of the months from `from` to `to`; problems when the period is not whole months. */
const deliveryMonths = (from: string, to: string, problems: PricingProblem[]): string[] => {
  const f = isoDate.exec(from);
  const t = isoDate.exec(to);
  if (!f) problems.push({ path: 'deliveryFrom', code: 'invalid_date', message: `deliveryFrom ${from} is not a date (YYYY-MM-DD)` });
  if (!t) problems.push({ path: 'deliveryTo', code: 'invalid_date', message: `deliveryTo ${to} is not a date (YYYY-MM-DD)` });
  if (!f || !t) return [];
  const [fy, fm, fd] = [Number(f[1]), Number(f[2]), Number(f[3])];
  const [ty, tm, td] = [Number(t[1]), Number(t[2]), Number(t[3])];
  if (fd !== 1) problems.push({ path: 'deliveryFrom', code: 'not_month_start', message: `deliveryFrom ${from} must be the first day of a month` });
  if (td !== lastDayOfMonth(ty, tm)) problems.push({ path: 'deliveryTo', code: 'not_month_end', message: `deliveryTo ${to} must be the last day of a month` });
  if (to < from) {
    problems.push({ path: 'deliveryTo', code: 'before_delivery_from', message: `deliveryTo ${to} is before deliveryFrom ${from}` });
    return [];
  }
  const months: string[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}-01`);
  }
  return months;
};

/** Annual consumption in MWh, or problems naming the supply-point field pricing needs. */
const annualMWhOf = (point: PricingSupplyPoint, problems: PricingProblem[]): Decimal | null => {
  if (point.annualConsumption === null || point.annualConsumption === '') {
    problems.push({ path: 'annualConsumption', code: 'required_for_pricing', message: 'annualConsumption: the supply point needs an annual consumption to be priced' });
    return null;
  }
  if (point.consumptionUnit === null) {
    problems.push({ path: 'consumptionUnit', code: 'required_for_pricing', message: 'consumptionUnit: the supply point needs the unit of its annual consumption to be priced' });
    return null;
  }
  const amount = new Decimal(point.annualConsumption);
  switch (point.consumptionUnit) {
    case 'MWh':
      return amount;
    case 'kWh':
      return amount.dividedBy(1000);
    case 'm3':
      if (point.commodity !== 'gas') {
        problems.push({ path: 'consumptionUnit', code: 'm3_only_for_gas', message: 'consumptionUnit: m3 is a unit of gas only' });
        return null;
      }
      if (!point.gasConversion) {
        problems.push({
          path: 'gasCalorificValue',
          code: 'required_for_m3',
          message: 'gasCalorificValue: gas consumption in m3 needs the volume coefficient and calorific value to be priced',
        });
        return null;
      }
      try {
        return gasEnergyKWh(amount, { k: new Decimal(point.gasConversion.k), hs: new Decimal(point.gasConversion.hs) }).dividedBy(1000);
      } catch (error) {
        problems.push({ path: 'gasCalorificValue', code: 'conversion_out_of_range', message: `gasCalorificValue: ${(error as Error).message}` });
        return null;
      }
  }
};

/** The tariff codes a row may name for this point, most specific first: its distribution rate, then its band. */
const tariffKeysOf = (point: PricingSupplyPoint): string[] =>
  [point.distributionRate, point.consumptionBand].filter((code): code is string => code !== null && code !== '');

/** The price row of the point's rate, else of its band, else the row for every tariff. */
export const selectPriceRow = <Row extends { tariffCode: string | null }>(rows: readonly Row[], point: PricingSupplyPoint): Row | null => {
  for (const key of tariffKeysOf(point)) {
    const row = rows.find((r) => r.tariffCode === key);
    if (row) return row;
  }
  return rows.find((r) => r.tariffCode === null) ?? null;
};

/** Regulated charges of one month: per component and basis, the point's tariff-specific row, else the general one. */
const chargesOfMonth = (charges: readonly RegulatedCharge[], keys: string[], month: string): RegulatedCharge[] => {
  const chosen = new Map<string, RegulatedCharge>();
  const rank = (c: RegulatedCharge) => (c.tariffCode === null ? keys.length : keys.indexOf(c.tariffCode));
  for (const charge of charges) {
    if (!isValidOn(charge, month)) continue;
    if (charge.tariffCode !== null && !keys.includes(charge.tariffCode)) continue;
    const slot = `${charge.component}|${charge.basis}`;
    const current = chosen.get(slot);
    if (!current || rank(charge) < rank(current)) chosen.set(slot, charge);
  }
  return [...chosen.values()];
};

const kindOrder = new Map<PricingLineKind, number>([['commodity', 0], ['supplier_fee', 1], ...componentKinds.map((k, i) => [k, i + 2] as [ComponentKind, number])]);

/** Prices a supply point for a delivery period; throws PricingError naming each field and rule it cannot use. */
export const priceSupplyPoint = (input: PricingInput): PricingResult => {
  const problems: PricingProblem[] = [];
  const months = deliveryMonths(input.deliveryFrom, input.deliveryTo, problems);
  const annualMWh = annualMWhOf(input.supplyPoint, problems);
  const row = selectPriceRow(input.priceRows, input.supplyPoint);
  if (!row) {
    const keys = tariffKeysOf(input.supplyPoint);
    problems.push({
      path: 'distributionRate',
      code: 'no_price_for_tariff',
      message: `distributionRate: the price list has no price for ${keys.length > 0 ? keys.join(' or ') : 'a supply point without rate or band'}, and no price for every tariff`,
    });
  }
  if (problems.length > 0 || !row || annualMWh === null) throw new PricingError(problems);

  const { currency } = input;
  const monthCount = months.length;
  const mwhFor = (n: number) => annualMWh.times(n).dividedBy(12);
  const quantity = mwhFor(monthCount);
  const lines: (PricingLine & { value: Decimal })[] = [];
  const add = (kind: PricingLineKind, basis: ChargeBasis, tariffCode: string | null, count: number, unitPrice: string, validFrom: string | null) => {
    const q = basis === 'per_mwh' ? mwhFor(count) : new Decimal(count);
    const value = roundMoney(q.times(unitPrice), currency);
    lines.push({
      kind,
      basis,
      tariffCode,
      quantity: basis === 'per_mwh' ? toDecimalString(roundQuantity(q)) : String(count),
      unit: basis === 'per_mwh' ? 'MWh' : 'month',
      unitPrice: toDecimalString(new Decimal(unitPrice)),
      amount: moneyString(value, currency),
      validFrom,
      value,
    });
  };

  add('commodity', 'per_mwh', row.tariffCode, monthCount, row.pricePerMWh, null);
  add('supplier_fee', 'per_month', row.tariffCode, monthCount, row.monthlyFee, null);

  // Each regulated row counts the delivery months it is valid in, so a period across 1 January takes each year's price.
  const keys = tariffKeysOf(input.supplyPoint);
  const monthsByCharge = new Map<RegulatedCharge, number>();
  for (const month of months) {
    for (const charge of chargesOfMonth(input.regulated, keys, month)) monthsByCharge.set(charge, (monthsByCharge.get(charge) ?? 0) + 1);
  }
  // Every delivery month needs the territory's distribution charges: a month without them would look cheap, not free.
  const uncovered = months.filter((month) => !chargesOfMonth(input.regulated, keys, month).some((c) => c.component === 'distribution'));
  if (uncovered.length > 0) {
    throw new PricingError([
      {
        path: 'deliveryFrom',
        code: 'no_regulated_components',
        message: `deliveryFrom–deliveryTo: no distribution charges of the supply point's territory and tariff are known for ${uncovered[0]}${uncovered.length > 1 ? ` and ${uncovered.length - 1} more months` : ''}`,
      },
    ]);
  }
  const spansSeveral = new Set<string>();
  const seen = new Map<string, number>();
  for (const charge of monthsByCharge.keys()) {
    const slot = `${charge.component}|${charge.basis}`;
    seen.set(slot, (seen.get(slot) ?? 0) + 1);
    if (seen.get(slot)! > 1) spansSeveral.add(slot);
  }
  for (const [charge, count] of monthsByCharge) {
    const slot = `${charge.component}|${charge.basis}`;
    add(charge.component, charge.basis, charge.tariffCode, count, charge.amount, spansSeveral.has(slot) ? charge.validFrom : null);
  }
  lines.sort(
    (a, b) =>
      kindOrder.get(a.kind)! - kindOrder.get(b.kind)! ||
      chargeBases.indexOf(a.basis) - chargeBases.indexOf(b.basis) ||
      (a.validFrom ?? '').localeCompare(b.validFrom ?? ''),
  );

  const net = sumMoney(lines.map((l) => l.value));
  const vat = vatOf(net, input.vatPercent, currency);
  const revenue = lines[0]!.value.plus(lines[1]!.value);
  const purchase = row.purchasePerMWh === null ? null : roundMoney(quantity.times(row.purchasePerMWh), currency);
  const margin = purchase === null ? null : revenue.minus(purchase);
  const marginPercent = margin === null ? null : percentOf(margin, revenue);
  return {
    currency,
    deliveryFrom: input.deliveryFrom,
    deliveryTo: input.deliveryTo,
    months: monthCount,
    annualMWh: toDecimalString(roundQuantity(annualMWh)),
    quantityMWh: toDecimalString(roundQuantity(quantity)),
    priceTariffCode: row.tariffCode,
    lines: lines.map(({ value: _value, ...line }) => line),
    net: moneyString(net, currency),
    vatPercent: toDecimalString(new Decimal(input.vatPercent)),
    vat: moneyString(vat, currency),
    gross: moneyString(net.plus(vat), currency),
    supplierRevenue: moneyString(revenue, currency),
    purchaseCost: purchase === null ? null : moneyString(purchase, currency),
    margin: margin === null ? null : moneyString(margin, currency),
    marginPercent: marginPercent === null ? null : marginPercent.toFixed(2),
  };
};
