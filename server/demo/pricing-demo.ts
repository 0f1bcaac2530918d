import { Decimal } from 'decimal.js';
import type { ServiceContext } from '../context.js';
import { createPriceList, createProduct, createRegulatedComponent, listRegulatedComponents } from '../modules/price-lists/price-lists.service.js';

type DemoProduct = Parameters<typeof createProduct>[1] & { rows2026: { tariffCode: string | null; pricePerMWh: string; monthlyFee: string; purchasePerMWh: string | null }[] };

const skRates = (base: number, fee: string, purchase: number) =>
  ['DD1', 'DD2', 'DD3'].map((tariffCode, i) => ({ tariffCode, pricePerMWh: (base - i * 8).toFixed(2), monthlyFee: fee, purchasePerMWh: (purchase - i * 4).toFixed(2) }));
const skBands = (base: number, fee: string, purchase: number) =>
  ['D1', 'D2', 'D3', 'D4', 'M1', 'M2', 'M3', 'M4'].map((tariffCode, i) => ({ tariffCode, pricePerMWh: (base - (i % 4) * 3).toFixed(2), monthlyFee: fee, purchasePerMWh: (purchase - (i % 4) * 2).toFixed(2) }));
const czRates = (base: number, fee: string, purchase: number) =>
  ['D01d', 'D02d', 'D25d', 'C01d', 'C02d', 'C25d'].map((tariffCode, i) => ({ tariffCode, pricePerMWh: (base - (i % 3) * 90).toFixed(2), monthlyFee: fee, purchasePerMWh: (purchase - (i % 3) * 60).toFixed(2) }));

/** The row for every other tariff: business supply points without a rate or band, and bands the list does not name. */
const everyTariff = (rows: DemoProduct['rows2026']): DemoProduct['rows2026'] => [...rows, { ...rows[rows.length - 1]!, tariffCode: null }];

/** Products of two (fictitious) suppliers with 2026 and 2027 price lists for SK and CZ electricity and gas, so offers have something to price. */
const demoProducts: DemoProduct[] = [
  { supplier: 'Voltia Energy, a.s.', name: 'Voltia Fix 2026', code: 'VOL-SK-E-FIX', commodity: 'electricity', country: 'SK', currency: 'EUR', priceModel: 'fixed', active: true, rows2026: everyTariff(skRates(139.9, '1.99', 104)) },
  { supplier: 'Voltia Energy, a.s.', name: 'Voltia Spot+', code: 'VOL-SK-E-SPOT', commodity: 'electricity', country: 'SK', currency: 'EUR', priceModel: 'spot_indexed', active: true, rows2026: everyTariff(skRates(126.5, '2.49', 101)) },
  { supplier: 'Nordgas Trading s.r.o.', name: 'Nordgas Plyn Fix', code: 'NG-SK-G-FIX', commodity: 'gas', country: 'SK', currency: 'EUR', priceModel: 'fixed', active: true, rows2026: everyTariff(skBands(52.9, '2.50', 39)) },
  { supplier: 'Voltia Energy, a.s.', name: 'Voltia Elektřina Fix', code: 'VOL-CZ-E-FIX', commodity: 'electricity', country: 'CZ', currency: 'CZK', priceModel: 'fixed', active: true, rows2026: everyTariff(czRates(2890, '149.00', 2450)) },
  { supplier: 'Nordgas Trading s.r.o.', name: 'Nordgas Plyn Standard', code: 'NG-CZ-G-STD', commodity: 'gas', country: 'CZ', currency: 'CZK', priceModel: 'floating', active: true, rows2026: [{ tariffCode: null, pricePerMWh: '1190.00', monthlyFee: '99.00', purchasePerMWh: '1020.00' }] },
];

export const loadPricingDemo = async (ctx: ServiceContext, ownerIds: string[]): Promise<void> => {
  for (const ownerId of ownerIds) {
    for (const { rows2026, ...product } of demoProducts) {
      const saved = await createProduct(ctx, product, ownerId);
      await createPriceList(ctx, saved.id, { validFrom: '2026-01-01', validTo: '2026-12-31', note: 'Demo 2026', rows: rows2026 });
      const rows2027 = rows2026.map((r) => ({ ...r, pricePerMWh: new Decimal(r.pricePerMWh).times('0.96').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) }));
      await createPriceList(ctx, saved.id, { validFrom: '2027-01-01', validTo: '2027-12-31', note: 'Demo 2027', rows: rows2027 });
    }
  }
};

/**
 * The demo prices next year's offers too (the offer form proposes next year): the 2026 regulated charges carried
 * over to 2027. Demo data only and marked as illustrative in each row's source; the reference seed stays 2026's
 * price decisions until the regulators publish 2027's.
 */
export const carryRegulatedChargesInto2027 = async (ctx: ServiceContext): Promise<void> => {
  const keyOf = (r: Awaited<ReturnType<typeof listRegulatedComponents>>[number]) =>
    [r.country, r.commodity, r.territoryCode, r.tariffCode, r.component, r.basis].join('|');
  const carried = new Set((await listRegulatedComponents(ctx, { year: 2027 })).filter((r) => r.validFrom === '2027-01-01').map(keyOf));
  const rows = await listRegulatedComponents(ctx, { year: 2026 });
  for (const row of rows.filter((r) => r.validTo === '2026-12-31' && !carried.has(keyOf(r)))) {
    await createRegulatedComponent(ctx, {
      country: row.country,
      commodity: row.commodity,
      territoryCode: row.territoryCode,
      tariffCode: row.tariffCode,
      component: row.component,
      basis: row.basis,
      amount: row.amount,
      currency: row.currency,
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      source: `Demo: 2026 carried over to 2027, illustrative, not a price decision (${row.source})`.slice(0, 300),
    });
  }
};
