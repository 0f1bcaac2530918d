import { describe, expect, it } from 'vitest';
import { priceSupplyPoint, PricingError, type PricingInput, type RegulatedCharge } from './pricing.js';
import { compareCosts } from './saving.js';

// Every expected number below was computed by hand in the comment next to it (each line: quantity × unit price,
// rounded to the cent half up; net = sum of rounded lines; VAT on the rounded net). The component amounts are
// illustrative test values shaped like ÚRSO / ERÚ decisions, not the real tariffs.

const charge = (c: Partial<RegulatedCharge> & Pick<RegulatedCharge, 'component' | 'amount'>): RegulatedCharge => ({
  basis: 'per_mwh',
  tariffCode: null,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  ...c,
});

/** SK electricity, household on DD2, 2,500 kWh a year, the whole of 2026, VAT 23 %. */
const skElectricity: PricingInput = {
  currency: 'EUR',
  deliveryFrom: '2026-01-01',
  deliveryTo: '2026-12-31',
  supplyPoint: { commodity: 'electricity', annualConsumption: '2500', consumptionUnit: 'kWh', gasConversion: null, distributionRate: 'DD2', consumptionBand: null },
  priceRows: [
    { tariffCode: 'DD1', pricePerMWh: '149.90', monthlyFee: '1.49', purchasePerMWh: '98.50' },
    { tariffCode: 'DD2', pricePerMWh: '129.90', monthlyFee: '1.99', purchasePerMWh: '98.50' },
  ],
  regulated: [
    charge({ component: 'distribution', tariffCode: 'DD2', amount: '43.1234' }),
    charge({ component: 'distribution', tariffCode: 'DD1', amount: '60' }), // another rate: not used
    charge({ component: 'distribution', basis: 'per_month', tariffCode: 'DD2', amount: '2.5789' }),
    charge({ component: 'system_services', amount: '3.0826' }),
    charge({ component: 'system_operation', amount: '18.9340' }),
    charge({ component: 'losses', amount: '5.2147' }),
    charge({ component: 'market_operator', amount: '0.6123' }),
    charge({ component: 'nuclear_fund', amount: '3.2712' }),
    charge({ component: 'system_operation', amount: '99', validFrom: '2027-01-01', validTo: null }), // next year: not used
  ],
  vatPercent: '23',
};

/** SK gas, household, 1,500 m³ a year in Bratislava (k 1.005) at Hs 10.5 kWh/m³, band D2, January to June 2026. */
const skGas: PricingInput = {
  currency: 'EUR',
  deliveryFrom: '2026-01-01',
  deliveryTo: '2026-06-30',
  supplyPoint: { commodity: 'gas', annualConsumption: '1500', consumptionUnit: 'm3', gasConversion: { k: '1.005', hs: '10.5' }, distributionRate: null, consumptionBand: 'D2' },
  priceRows: [
    { tariffCode: 'D1', pricePerMWh: '69.90', monthlyFee: '1.50', purchasePerMWh: '38.00' },
    { tariffCode: 'D2', pricePerMWh: '49.90', monthlyFee: '2.50', purchasePerMWh: '38.00' },
  ],
  regulated: [
    charge({ component: 'distribution', tariffCode: 'D2', amount: '13.15' }),
    charge({ component: 'distribution', basis: 'per_month', tariffCode: 'D2', amount: '4.71' }),
    charge({ component: 'distribution', basis: 'per_month', amount: '9.99' }), // general row: the D2 row wins
  ],
  vatPercent: '23',
};

/** CZ electricity, business on C02d, 12 MWh a year, July 2026 to June 2027 (distribution changes on 1 January), VAT 21 %. */
const czElectricity: PricingInput = {
  currency: 'CZK',
  deliveryFrom: '2026-07-01',
  deliveryTo: '2027-06-30',
  supplyPoint: { commodity: 'electricity', annualConsumption: '12', consumptionUnit: 'MWh', gasConversion: null, distributionRate: 'C02d', consumptionBand: null },
  priceRows: [{ tariffCode: 'C02d', pricePerMWh: '2890.00', monthlyFee: '149.00', purchasePerMWh: '2450.00' }],
  regulated: [
    charge({ component: 'distribution', tariffCode: 'C02d', amount: '1500.00' }),
    charge({ component: 'distribution', tariffCode: 'C02d', amount: '1600.00', validFrom: '2027-01-01', validTo: '2027-12-31' }),
    charge({ component: 'distribution', basis: 'per_month', tariffCode: 'C02d', amount: '245.50', validTo: '2027-12-31' }),
    charge({ component: 'system_services', amount: '164.24', validTo: '2027-12-31' }),
    charge({ component: 'market_operator', basis: 'per_month', amount: '4.09', validTo: '2027-12-31' }),
    charge({ component: 'renewables_support', amount: '0', validTo: '2027-12-31' }),
    charge({ component: 'excise', amount: '28.30', validTo: '2027-12-31' }),
  ],
  vatPercent: '21',
};

/** CZ gas, business, 25 MWh a year, no band-specific price (the row for every tariff), 2026, no purchase cost. */
const czGas: PricingInput = {
  currency: 'CZK',
  deliveryFrom: '2026-01-01',
  deliveryTo: '2026-12-31',
  supplyPoint: { commodity: 'gas', annualConsumption: '25', consumptionUnit: 'MWh', gasConversion: null, distributionRate: null, consumptionBand: 'C3' },
  priceRows: [{ tariffCode: null, pricePerMWh: '1190.00', monthlyFee: '99.00', purchasePerMWh: null }],
  regulated: [
    charge({ component: 'distribution', amount: '380.25' }),
    charge({ component: 'distribution', basis: 'per_month', amount: '120.40' }),
    charge({ component: 'market_operator', amount: '1.4627' }),
    charge({ component: 'excise', amount: '30.60' }),
  ],
  vatPercent: '21',
};

const amounts = (input: PricingInput) => priceSupplyPoint(input).lines.map((l) => [l.kind, l.basis, l.quantity, l.amount, l.validFrom]);

describe('priceSupplyPoint: hand-checked tables', () => {
  it('SK electricity, household DD2, a year', () => {
    expect(amounts(skElectricity)).toEqual([
      ['commodity', 'per_mwh', '2.5', '324.75', null], //           2.5 × 129.90 = 324.75
      ['supplier_fee', 'per_month', '12', '23.88', null], //        12 × 1.99 = 23.88
      ['distribution', 'per_mwh', '2.5', '107.81', null], //        2.5 × 43.1234 = 107.8085 → 107.81
      ['distribution', 'per_month', '12', '30.95', null], //        12 × 2.5789 = 30.9468 → 30.95
      ['system_services', 'per_mwh', '2.5', '7.71', null], //       2.5 × 3.0826 = 7.7065 → 7.71
      ['system_operation', 'per_mwh', '2.5', '47.34', null], //     2.5 × 18.9340 = 47.335 → 47.34 (half up)
      ['losses', 'per_mwh', '2.5', '13.04', null], //               2.5 × 5.2147 = 13.03675 → 13.04
      ['market_operator', 'per_mwh', '2.5', '1.53', null], //       2.5 × 0.6123 = 1.53075 → 1.53
      ['nuclear_fund', 'per_mwh', '2.5', '8.18', null], //          2.5 × 3.2712 = 8.178 → 8.18
    ]);
    expect(priceSupplyPoint(skElectricity)).toMatchObject({
      months: 12,
      annualMWh: '2.5',
      quantityMWh: '2.5',
      priceTariffCode: 'DD2',
      net: '565.19', //         324.75 + 23.88 + 107.81 + 30.95 + 7.71 + 47.34 + 13.04 + 1.53 + 8.18
      vat: '129.99', //         565.19 × 0.23 = 129.9937 → 129.99
      gross: '695.18', //       565.19 + 129.99
      supplierRevenue: '348.63', // 324.75 + 23.88
      purchaseCost: '246.25', // 2.5 × 98.50
      margin: '102.38', //      348.63 − 246.25
      marginPercent: '29.37', // 102.38 / 348.63 = 0.293664… → 29.37 %
    });
  });

  it('SK gas in m³, band D2, six months', () => {
    // 1500 m³ × 1.005 × 10.5 = 15,828.75 kWh = 15.82875 MWh a year; six months: 7.914375 MWh
    expect(amounts(skGas)).toEqual([
      ['commodity', 'per_mwh', '7.914', '394.93', null], //   7.914375 × 49.90 = 394.9273125 → 394.93
      ['supplier_fee', 'per_month', '6', '15.00', null], //    6 × 2.50
      ['distribution', 'per_mwh', '7.914', '104.07', null], // 7.914375 × 13.15 = 104.07403125 → 104.07
      ['distribution', 'per_month', '6', '28.26', null], //    6 × 4.71 (the D2 row, not the general 9.99)
    ]);
    expect(priceSupplyPoint(skGas)).toMatchObject({
      months: 6,
      annualMWh: '15.829', // 15.82875 shown to 3 places, half up
      quantityMWh: '7.914',
      net: '542.26', //          394.93 + 15.00 + 104.07 + 28.26
      vat: '124.72', //          542.26 × 0.23 = 124.7198 → 124.72
      gross: '666.98',
      purchaseCost: '300.75', // 7.914375 × 38 = 300.74625 → 300.75
      margin: '109.18', //       409.93 − 300.75
      marginPercent: '26.63', // 109.18 / 409.93 = 0.266338… → 26.63 %
    });
  });

  it('CZ electricity, business C02d, July to June: each year’s distribution price for its months', () => {
    expect(amounts(czElectricity)).toEqual([
      ['commodity', 'per_mwh', '12', '34680.00', null], //              12 × 2890
      ['supplier_fee', 'per_month', '12', '1788.00', null], //          12 × 149
      ['distribution', 'per_mwh', '6', '9000.00', '2026-01-01'], //     6 months = 6 MWh × 1500
      ['distribution', 'per_mwh', '6', '9600.00', '2027-01-01'], //     6 MWh × 1600
      ['distribution', 'per_month', '12', '2946.00', null], //          12 × 245.50
      ['system_services', 'per_mwh', '12', '1970.88', null], //         12 × 164.24
      ['market_operator', 'per_month', '12', '49.08', null], //         12 × 4.09
      ['renewables_support', 'per_mwh', '12', '0.00', null], //         12 × 0
      ['excise', 'per_mwh', '12', '339.60', null], //                   12 × 28.30
    ]);
    expect(priceSupplyPoint(czElectricity)).toMatchObject({
      months: 12,
      net: '60373.56', //       34680 + 1788 + 9000 + 9600 + 2946 + 1970.88 + 49.08 + 0 + 339.60
      vat: '12678.45', //       60373.56 × 0.21 = 12678.4476 → 12678.45
      gross: '73052.01',
      purchaseCost: '29400.00', // 12 × 2450
      margin: '7068.00', //     36468 − 29400
      marginPercent: '19.38', // 7068 / 36468 = 0.193814… → 19.38 %
    });
  });

  it('CZ gas, business, the price row for every tariff, no purchase cost: no margin', () => {
    expect(amounts(czGas)).toEqual([
      ['commodity', 'per_mwh', '25', '29750.00', null], //       25 × 1190
      ['supplier_fee', 'per_month', '12', '1188.00', null], //   12 × 99
      ['distribution', 'per_mwh', '25', '9506.25', null], //     25 × 380.25
      ['distribution', 'per_month', '12', '1444.80', null], //   12 × 120.40
      ['market_operator', 'per_mwh', '25', '36.57', null], //    25 × 1.4627 = 36.5675 → 36.57
      ['excise', 'per_mwh', '25', '765.00', null], //            25 × 30.60
    ]);
    expect(priceSupplyPoint(czGas)).toMatchObject({
      priceTariffCode: null,
      net: '42690.62', //  29750 + 1188 + 9506.25 + 1444.80 + 36.57 + 765
      vat: '8965.03', //   42690.62 × 0.21 = 8965.0302 → 8965.03
      gross: '51655.65',
      purchaseCost: null,
      margin: null,
      marginPercent: null,
    });
  });
});

describe('priceSupplyPoint: input it cannot price names the field and rule', () => {
  const withPoint = (patch: Partial<PricingInput['supplyPoint']>, rest: Partial<PricingInput> = {}): PricingInput => ({
    ...skElectricity,
    ...rest,
    supplyPoint: { ...skElectricity.supplyPoint, ...patch },
  });
  it.each([
    ['no annual consumption', withPoint({ annualConsumption: null }), [['annualConsumption', 'required_for_pricing']]],
    ['no consumption unit', withPoint({ consumptionUnit: null }), [['consumptionUnit', 'required_for_pricing']]],
    ['electricity in m³', withPoint({ consumptionUnit: 'm3' }), [['consumptionUnit', 'm3_only_for_gas']]],
    ['gas in m³ without conversion', { ...skGas, supplyPoint: { ...skGas.supplyPoint, gasConversion: null } }, [['gasCalorificValue', 'required_for_m3']]],
    ['gas in m³ with Hs in MJ by mistake', { ...skGas, supplyPoint: { ...skGas.supplyPoint, gasConversion: { k: '1', hs: '38.6' } } }, [['gasCalorificValue', 'conversion_out_of_range']]],
    ['no price for the rate and no general row', withPoint({ distributionRate: 'DD5' }), [['distributionRate', 'no_price_for_tariff']]],
    ['delivery not from a month start', withPoint({}, { deliveryFrom: '2026-01-15' }), [['deliveryFrom', 'not_month_start']]],
    ['delivery not to a month end', withPoint({}, { deliveryTo: '2026-12-30' }), [['deliveryTo', 'not_month_end']]],
    ['delivery ending before it starts', withPoint({}, { deliveryFrom: '2026-06-01', deliveryTo: '2026-03-31' }), [['deliveryTo', 'before_delivery_from']]],
    ['a month without distribution charges', withPoint({}, { deliveryTo: '2027-01-31' }), [['deliveryFrom', 'no_regulated_components']]],
    ['several problems at once', withPoint({ annualConsumption: null, distributionRate: 'DD5' }, { deliveryTo: '2026-02-27' }), [
      ['deliveryTo', 'not_month_end'],
      ['annualConsumption', 'required_for_pricing'],
      ['distributionRate', 'no_price_for_tariff'],
    ]],
  ] as const)('%s', (_case, input, expected) => {
    let caught: unknown;
    try {
      priceSupplyPoint(input as PricingInput);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PricingError);
    expect((caught as PricingError).problems.map((p) => [p.path, p.code])).toEqual(expected);
  });
});

describe('compareCosts: the client’s saving', () => {
  // Current product: 159.90 €/MWh and 2.99 €/month, the same regulated components.
  const current = priceSupplyPoint({
    ...skElectricity,
    priceRows: [{ tariffCode: null, pricePerMWh: '159.90', monthlyFee: '2.99', purchasePerMWh: null }],
  });
  const offered = priceSupplyPoint(skElectricity);
  const saving = compareCosts(current, offered);

  it('per line in money and per cent of the current cost', () => {
    expect(saving.lines.slice(0, 3)).toEqual([
      // 2.5 × 159.90 = 399.75 → 324.75: saves 75.00, 75 / 399.75 = 0.187617… → 18.76 %
      { kind: 'commodity', basis: 'per_mwh', current: '399.75', offered: '324.75', saving: '75.00', savingPercent: '18.76' },
      // 12 × 2.99 = 35.88 → 23.88: saves 12.00, 12 / 35.88 = 0.334448… → 33.44 %
      { kind: 'supplier_fee', basis: 'per_month', current: '35.88', offered: '23.88', saving: '12.00', savingPercent: '33.44' },
      // regulated components pass through unchanged
      { kind: 'distribution', basis: 'per_mwh', current: '107.81', offered: '107.81', saving: '0.00', savingPercent: '0.00' },
    ]);
    expect(saving.lines).toHaveLength(9);
  });

  it('in total, net and gross', () => {
    // current net 565.19 − 324.75 − 23.88 + 399.75 + 35.88 = 652.19; saving 87.00; 87 / 652.19 = 0.133397… → 13.34 %
    expect(saving.net).toEqual({ current: '652.19', offered: '565.19', saving: '87.00', savingPercent: '13.34' });
    // current VAT 652.19 × 0.23 = 150.0037 → 150.00, gross 802.19; saving 107.01; 107.01 / 802.19 = 0.133398… → 13.34 %
    expect(saving.gross).toEqual({ current: '802.19', offered: '695.18', saving: '107.01', savingPercent: '13.34' });
  });

  it('a dearer offer is a negative saving, and currencies must match', () => {
    const back = compareCosts(offered, current);
    expect(back.net.saving).toBe('-87.00');
    // −87 / 565.19 = −0.153930… → −15.39 %
    expect(back.net.savingPercent).toBe('-15.39');
    expect(() => compareCosts(priceSupplyPoint(czGas), offered)).toThrow(/currency_mismatch/);
  });
});
