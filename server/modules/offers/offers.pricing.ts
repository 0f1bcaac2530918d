import { Decimal } from 'decimal.js';
import { moneyString, percentOf, type Currency } from '../../../domain/money.js';
import type { PricingLine, PricingResult } from '../../../domain/pricing/pricing.js';
import { compareCosts, type LineSaving } from '../../../domain/pricing/saving.js';
import type { ServiceContext } from '../../context.js';
import { AppError, type FieldProblem, invalidFields } from '../../http/errors.js';
import { getProduct, newQuoteCache, quoteSupplyPoint, quoteSupplyPointAtPrices } from '../price-lists/price-lists.service.js';
import type { OfferLineBody, OfferTotals } from './offers.api.js';
import type { offerLines } from './offers.schema.js';

/**
 * Pricing of offer lines (OFFER-2): each line's offered cost from the product's price list (quoteSupplyPoint) and
 * the client's current cost from the prices they entered (quoteSupplyPointAtPrices), compared charge by charge
 * (domain/pricing/saving.ts). The priced lines of both sides are kept with the line, so the explanation shown on
 * screen and in the document is reproducible without pricing again.
 */

export type StoredPricing = {
  offered: PricedSide;
  current: PricedSide;
  comparison: LineSaving[];
};
type PricedSide = {
  lines: { kind: string; basis: string; tariffCode: string | null; quantity: string; unit: string; unitPrice: string; amount: string; validFrom: string | null }[];
  net: string;
  vatPercent: string;
  vat: string;
  gross: string;
  months: number;
  territoryCode: string | null;
  consumptionBand: string | null;
  priceTariffCode: string | null;
};

export type LineValues = Omit<typeof offerLines.$inferInsert, 'id' | 'offerId'> & { pricing: StoredPricing };

export type PricedOffer = { commodity: 'electricity' | 'gas'; currency: Currency; lines: LineValues[] };


type Quote = Awaited<ReturnType<typeof quoteSupplyPoint>>;
/** A quote is a pricing result whose line kinds travel as strings. */
const asPricing = (q: Quote): PricingResult => ({ ...q, lines: q.lines as PricingLine[] });

const sideOf = (q: Awaited<ReturnType<typeof quoteSupplyPoint>>): PricedSide => ({
  lines: q.lines,
  net: q.net,
  vatPercent: q.vatPercent,
  vat: q.vat,
  gross: q.gross,
  months: q.months,
  territoryCode: q.territoryCode,
  consumptionBand: q.consumptionBand,
  priceTariffCode: q.priceTariffCode,
});

/**
 * Prices every line, collecting the problems of all lines (each named `lines.N.<field>` with its rule) before
 * refusing, so the form can mark them all at once. Supply points must be the case's, of one commodity; products of
 * one currency.
 */
export const priceOfferLines = async (ctx: ServiceContext, caseSupplyPointIds: ReadonlySet<string>, lines: readonly OfferLineBody[]): Promise<PricedOffer> => {
  const errors: FieldProblem[] = [];
  const out: LineValues[] = [];
  let commodity: 'electricity' | 'gas' | null = null;
  let currency: Currency | null = null;
  // One offer's lines share their products, price lists and reference data: each is read once.
  const cache = newQuoteCache();
  const products = new Map<string, Promise<Awaited<ReturnType<typeof getProduct>> | null>>();
  for (const [i, line] of lines.entries()) {
    const at = (field: string) => `lines.${i}.${field}`;
    if (!caseSupplyPointIds.has(line.supplyPointId)) {
      errors.push({ path: at('supplyPointId'), code: 'not_in_case', message: 'not a supply point of the business case' });
      continue;
    }
    if (!products.has(line.productId)) products.set(line.productId, getProduct(ctx, line.productId).catch(() => null));
    const product = await products.get(line.productId)!;
    if (!product) {
      errors.push({ path: at('productId'), code: 'not_found', message: 'no such product among those you may see' });
      continue;
    }
    // The quote checks that the supply point takes the product's commodity, so the product's is the line's.
    commodity ??= product.commodity;
    currency ??= product.currency;
    if (product.commodity !== commodity || product.currency !== currency) {
      const code = product.commodity !== commodity ? 'other_commodity' : 'other_currency';
      errors.push({ path: at('productId'), code, message: `a ${product.commodity} product in ${product.currency} in a ${commodity} offer in ${currency}` });
      continue;
    }
    try {
      const input = { supplyPointId: line.supplyPointId, deliveryFrom: line.deliveryFrom, deliveryTo: line.deliveryTo };
      const offered = await quoteSupplyPoint(ctx, { ...input, productId: line.productId }, cache);
      const current = await quoteSupplyPointAtPrices(
        ctx,
        { ...input, currency, pricePerMWh: line.currentPricePerMWh, monthlyFee: line.currentMonthlyFee },
        cache,
      );
      const saving = compareCosts(asPricing(current), asPricing(offered));
      out.push({
        position: i + 1,
        supplyPointId: line.supplyPointId,
        productId: line.productId,
        priceListId: offered.priceListId!,
        deliveryFrom: line.deliveryFrom,
        deliveryTo: line.deliveryTo,
        quantityMWh: offered.quantityMWh,
        currentPricePerMWh: new Decimal(line.currentPricePerMWh).toFixed(),
        currentMonthlyFee: new Decimal(line.currentMonthlyFee).toFixed(),
        currentCost: saving.net.current,
        offeredCost: saving.net.offered,
        saving: saving.net.saving,
        savingPercent: saving.net.savingPercent,
        offeredGross: offered.gross,
        supplierRevenue: offered.supplierRevenue,
        purchaseCost: offered.purchaseCost,
        margin: offered.margin,
        marginPercent: offered.marginPercent,
        pricing: { offered: sideOf(offered), current: sideOf(current), comparison: saving.lines },
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') {
        for (const problem of error.errors ?? []) errors.push({ ...problem, path: at(problem.path) });
      } else if (error instanceof AppError && error.code === 'not_found') {
        errors.push({ path: at('supplyPointId'), code: 'not_found', message: 'no such supply point among those you may see' });
      } else {
        throw error;
      }
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return { commodity: commodity!, currency: currency!, lines: out };
};

type Summable = {
  quantityMWh: string;
  currentCost: string;
  offeredCost: string;
  offeredGross: string;
  supplierRevenue: string;
  purchaseCost?: string | null | undefined;
  margin?: string | null | undefined;
};

/** Totals of priced lines: sums of rounded line amounts; per cents of the sums (saving of the current cost, margin of the supplier's revenue). */
export const totalsOf = (currency: Currency, lines: readonly Summable[]) => {
  const sum = (pick: (l: Summable) => string) => lines.reduce((s, l) => s.plus(pick(l)), new Decimal(0));
  const current = sum((l) => l.currentCost);
  const offered = sum((l) => l.offeredCost);
  const saving = current.minus(offered);
  const hasMargin = lines.length > 0 && lines.every((l) => l.margin != null && l.purchaseCost != null);
  const margin = hasMargin ? sum((l) => l.margin!) : null;
  const revenue = sum((l) => l.supplierRevenue);
  const savingPercent = percentOf(saving, current);
  const marginPercent = margin === null ? null : percentOf(margin, revenue);
  return {
    quantityMWh: sum((l) => l.quantityMWh).toFixed(3),
    currentCost: moneyString(current, currency),
    offeredCost: moneyString(offered, currency),
    saving: moneyString(saving, currency),
    savingPercent: savingPercent === null ? null : savingPercent.toFixed(2),
    offeredGross: moneyString(sum((l) => l.offeredGross), currency),
    purchaseCost: hasMargin ? moneyString(sum((l) => l.purchaseCost!), currency) : null,
    margin: margin === null ? null : moneyString(margin, currency),
    marginPercent: marginPercent === null ? null : marginPercent.toFixed(2),
  };
};

export type Totals = ReturnType<typeof totalsOf>;

/** Totals as the API shows them; margin only to those who may approve offers. */
export const totalsResponse = (currency: Currency, t: Omit<Totals, 'purchaseCost'>, seesMargin: boolean): OfferTotals => ({
  currency,
  quantityMWh: t.quantityMWh,
  currentCost: t.currentCost,
  offeredCost: t.offeredCost,
  saving: t.saving,
  savingPercent: t.savingPercent,
  offeredGross: t.offeredGross,
  margin: seesMargin ? t.margin : null,
  marginPercent: seesMargin ? t.marginPercent : null,
});
