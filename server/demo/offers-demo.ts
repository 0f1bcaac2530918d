import dayjs from 'dayjs';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { createCase } from '../modules/cases/cases.service.js';
import { approveOffer, createOffer, sendOffer, submitOffer } from '../modules/offers/offers.service.js';
import { products } from '../modules/price-lists/price-lists.schema.js';
import { quoteSupplyPoint } from '../modules/price-lists/price-lists.service.js';
import { supplyPoints } from '../modules/supply-points/supply-points.schema.js';
import type { DemoClient } from './sales-demo.js';

/** What the client pays today, per currency and commodity: a little above the demo's products, so offers show a saving. */
const currentPrices = {
  EUR: {
    electricity: { pricePerMWh: '168.00', monthlyFee: '2.90' },
    gas: { pricePerMWh: '64.50', monthlyFee: '3.20' },
  },
  CZK: {
    electricity: { pricePerMWh: '3150.00', monthlyFee: '169.00' },
    gas: { pricePerMWh: '1390.00', monthlyFee: '119.00' },
  },
} as const;

/** How far a demo offer goes: left a draft, submitted (approved, or waiting for approval), or sent to the client. */
export type DemoOfferStep = 'draft' | 'submitted' | 'sent';

type Priceable = {
  commodity: 'electricity' | 'gas';
  currency: 'EUR' | 'CZK';
  productId: string;
  supplyPointIds: string[];
};

/**
 * A client's supply points that the demo's fixed products price for the deliveries (the reference data has
 * distribution charges for the usual rates and bands only), those of the product that prices most of them.
 */
const priceablePointsOf = async (
  ctx: ServiceContext,
  client: DemoClient,
  ownerId: string,
  delivery: { deliveryFrom: string; deliveryTo: string },
): Promise<Priceable | null> => {
  const points = client.supplyPointIds.length
    ? await ctx.db
        .select({ id: supplyPoints.id, commodity: supplyPoints.commodity, country: supplyPoints.country })
        .from(supplyPoints)
        .where(inArray(supplyPoints.id, client.supplyPointIds))
    : [];
  const fixed = await ctx.db
    .select({
      id: products.id,
      commodity: products.commodity,
      country: products.country,
      currency: products.currency,
    })
    .from(products)
    .where(and(eq(products.ownerId, ownerId), eq(products.priceModel, 'fixed')));
  // One offer prices its lines with one product, so the points are grouped by the product that prices them.
  const byProduct = new Map<string, Priceable>();
  for (const point of points) {
    const product = fixed.find((p) => p.commodity === point.commodity && p.country === point.country);
    if (!product || (product.currency !== 'EUR' && product.currency !== 'CZK')) continue;
    const currency = product.currency;
    try {
      await quoteSupplyPoint(ctx, { supplyPointId: point.id, productId: product.id, ...delivery });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') continue;
      throw error;
    }
    const group: Priceable = byProduct.get(product.id) ?? {
      commodity: product.commodity,
      currency,
      productId: product.id,
      supplyPointIds: [],
    };
    group.supplyPointIds.push(point.id);
    byProduct.set(product.id, group);
  }
  return (
    [...byProduct.values()].sort((a, b) => b.supplyPointIds.length - a.supplyPointIds.length)[0] ?? null
  );
};

/**
 * Offers in the demo (OFFER-1 to OFFER-3): for each step, the next client with supply points the demo's price lists
 * can price for next year gets a case and an offer taken that far (one to be sent is approved first if its margin asks for it), so the case cards, the offers list and the
 * approval queue have something to show. Answers how many were made; with few clients, or once the demo's price
 * years have passed, fewer.
 */
export const loadOffersDemo = async (
  contexts: { sales: ServiceContext; approver: ServiceContext },
  ownerId: string,
  clients: DemoClient[],
  steps: DemoOfferStep[],
): Promise<number> => {
  const ctx = contexts.sales;
  const year = dayjs(ctx.now()).add(1, 'year').year();
  const delivery = { deliveryFrom: `${year}-01-01`, deliveryTo: `${year}-12-31` };
  let made = 0;
  for (const client of clients) {
    const step = steps[made];
    if (!step) break;
    const priceable = await priceablePointsOf(ctx, client, ownerId, delivery);
    if (!priceable) continue;
    const kase = await createCase(ctx, {
      clientId: client.id,
      name: `Ponuka ${priceable.commodity === 'gas' ? 'plyn' : 'elektrina'} ${year} — ${client.name}`,
      type: 'acquisition',
      commodity: priceable.commodity,
      supplyPointIds: priceable.supplyPointIds,
    });
    const current = currentPrices[priceable.currency][priceable.commodity];
    let offer = await createOffer(ctx, kase.id, {
      kind: 'binding',
      isAlternative: false,
      validUntil: dayjs(ctx.now()).add(30, 'day').format('YYYY-MM-DD'),
      note: 'Cena fixovaná na celý rok dodávky.',
      lines: priceable.supplyPointIds.map((supplyPointId) => ({
        supplyPointId,
        productId: priceable.productId,
        ...delivery,
        currentPricePerMWh: current.pricePerMWh,
        currentMonthlyFee: current.monthlyFee,
      })),
    });
    if (step !== 'draft') offer = await submitOffer(ctx, offer.id, offer.version);
    if (step === 'sent' && offer.state === 'awaitingApproval') {
      offer = await approveOffer(contexts.approver, offer.id, {
        version: offer.version,
        reason: 'Objem odberu vyváži nižšiu maržu.',
      });
    }
    if (step === 'sent') await sendOffer(ctx, offer.id, offer.version);
    made += 1;
  }
  return made;
};
