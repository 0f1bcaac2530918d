import { eicCheckCharacter } from '../../domain/identifiers/eic.js';
import { gs1CheckDigit } from '../../domain/identifiers/gs1.js';
import type { Random } from './generator.js';

const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** A 16-character metering-point EIC with the given 5-character start and a right check character. */
const eicWithPrefix = (random: Random, prefix: string): string => {
  for (;;) {
    const first15 = `${prefix}${digits(random, 15 - prefix.length)}`;
    const check = eicCheckCharacter(first15);
    if (check !== null) return `${first15}${check}`;
  }
};

/** Slovak electricity supply point: 24Z + distributor designation (ZSD, SSD, VSD). */
export const skElectricityEic = (random: Random, designation: 'ZS' | 'SS' | 'VS' = pick(random, ['ZS', 'SS', 'VS'] as const)) =>
  eicWithPrefix(random, `24Z${designation}`);

/** Slovak gas POD of SPP-distribúcia: SKSPPDIS + 12 digits (no check character is published). */
export const skGasPod = (random: Random) => `SKSPPDIS${digits(random, 12)}`;

/** Czech electricity EAN: 859 1824 00 + distributor digit (1-2 EG.D, 3 PRE, 4-8 ČEZ) + serial + GS1 check digit. */
export const czElectricityEan = (random: Random, distributorDigit = pick(random, ['1', '3', '4', '5', '6'])) => {
  const data = `859182400${distributorDigit}${digits(random, 7)}`;
  return `${data}${gs1CheckDigit(data)}`;
};

/** Czech gas supply point: EIC 27ZG + regional distribution system (500 = GasNet series) + serial. */
export const czGasEic = (random: Random) => eicWithPrefix(random, '27ZG5');

export type GeneratedSupplyPoint = {
  commodity: 'electricity' | 'gas';
  identifier: string;
  annualConsumption: string;
  consumptionUnit: 'kWh' | 'MWh';
  currentSupplier: string;
  distributionRate: string | null;
};

const skSuppliers = ['Slovenské elektrárne', 'ZSE Energia', 'SSE', 'VSE', 'SPP', 'MAGNA ENERGIA', 'ELGAS'];
const czSuppliers = ['ČEZ Prodej', 'innogy Energie', 'E.ON Energie', 'Pražská energetika', 'Bohemia Energy', 'Centropol'];

// The distributor serving a business area: western Slovakia ZSD, central SSD, eastern VSD; Prague PRE, Moravia EG.D.
const skDesignation: Record<string, 'ZS' | 'SS' | 'VS'> = { 'sk-west': 'ZS', 'sk-central': 'SS', 'sk-east': 'VS' };
const czDistributorDigit: Record<string, string> = { 'cz-bohemia': '4', 'cz-moravia': '1' };

/** A supply point for a client of `country`: households use less than businesses, gas more than electricity. */
export const generateSupplyPoint = (random: Random, country: 'SK' | 'CZ', household: boolean, businessArea?: string): GeneratedSupplyPoint => {
  const gas = random() < 0.35;
  const commodity = gas ? 'gas' : 'electricity';
  const area = businessArea ?? '';
  const identifier =
    country === 'SK'
      ? gas
        ? skGasPod(random)
        : skElectricityEic(random, skDesignation[area])
      : gas
        ? czGasEic(random)
        : czElectricityEan(random, czDistributorDigit[area]);
  const kWh = household ? (gas ? 4_000 + random() * 20_000 : 1_200 + random() * 5_000) : gas ? 30_000 + random() * 900_000 : 8_000 + random() * 400_000;
  const inMWh = !household && random() < 0.5;
  const rates = country === 'SK' ? (household ? ['DD1', 'DD2', 'DD3', 'DD4'] : null) : household ? ['D01d', 'D02d', 'D25d', 'D57d'] : ['C01d', 'C02d', 'C25d'];
  return {
    commodity,
    identifier,
    annualConsumption: inMWh ? (kWh / 1000).toFixed(3) : kWh.toFixed(0),
    consumptionUnit: inMWh ? 'MWh' : 'kWh',
    currentSupplier: pick(random, country === 'SK' ? skSuppliers : czSuppliers),
    distributionRate: !gas && rates ? pick(random, rates) : null,
  };
};
