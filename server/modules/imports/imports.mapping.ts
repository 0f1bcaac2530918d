import { simplify, suggestHeaders, type HeaderNames } from '../../../domain/imports/header-mapping.js';

/** The fields a supply-point import fills, in the order a wizard shows them. */
export const supplyPointTargetFields = [
  'clientCompanyId',
  'commodity',
  'identifier',
  'territoryCode',
  'name',
  'street',
  'city',
  'postalCode',
  'annualConsumption',
  'consumptionUnit',
  'currentSupplier',
  'currentProduct',
  'distributionRate',
  'iban',
  'paymentMethod',
  'status',
  'note',
] as const;
export type TargetField = (typeof supplyPointTargetFields)[number];
export const requiredTargetFields: readonly TargetField[] = ['clientCompanyId', 'commodity', 'identifier'];

/** Header names each field is known by (English, Slovak, Czech). */
const synonyms: Record<TargetField, HeaderNames> = {
  clientCompanyId: {
    exact: ['ico', 'ic', 'company id', 'client company id', 'registration number', 'business id', 'ico klienta', 'ico odberatela', 'ico zakaznika', 'ic odberatele', 'ic zakaznika'],
    contains: ['ico', 'company id'],
  },
  commodity: { exact: ['komodita', 'commodity', 'energy', 'energia', 'energie', 'druh energie', 'typ energie', 'medium', 'typ komodity'], contains: ['komodita', 'commodity'] },
  identifier: {
    exact: [
      'eic', 'ean', 'pod', 'eic kod', 'ean kod', 'kod eic', 'kod ean', 'identifikator', 'identifier', 'identifikator om', 'identifikator odberneho miesta',
      'odberne miesto', 'odberne misto', 'om', 'cislo om', 'kod om', 'kod odberneho miesta', 'kod odberneho mista', 'supply point', 'supply point id',
      'metering point', 'malo', 'malo id', 'eic ean', 'ean eic',
    ],
    contains: ['eic', 'ean', 'identifikator', 'identifier'],
  },
  territoryCode: {
    exact: ['territory', 'territory code', 'distribution territory', 'distribucne uzemie', 'distribucni uzemi', 'uzemie', 'uzemi', 'distributor', 'distribucna spolocnost', 'distribucni spolecnost', 'pds', 'dso'],
    contains: ['uzemie', 'uzemi', 'territory'],
  },
  name: { exact: ['name', 'site name', 'nazov', 'nazev', 'nazov om', 'nazev om', 'nazov odberneho miesta', 'nazev odberneho mista', 'oznacenie', 'oznaceni', 'label'] },
  street: { exact: ['ulica', 'ulice', 'street', 'adresa', 'address', 'ulica a cislo', 'ulice a cislo', 'ulica om', 'ulice om'], contains: ['ulica', 'ulice', 'street'] },
  city: { exact: ['obec', 'mesto', 'city', 'town', 'municipality', 'obec mesto', 'obec om', 'mesto om'], contains: ['obec', 'mesto', 'city'] },
  postalCode: { exact: ['psc', 'postal code', 'zip', 'zip code', 'postcode', 'psc om'], contains: ['psc', 'postal'] },
  annualConsumption: {
    exact: ['rocna spotreba', 'rocni spotreba', 'annual consumption', 'consumption', 'spotreba', 'predpokladana rocna spotreba', 'predpokladana rocni spotreba', 'rocny odber', 'rocni odber'],
    contains: ['spotreba', 'consumption'],
  },
  consumptionUnit: { exact: ['jednotka', 'unit', 'mj', 'merna jednotka', 'jednotka spotreby', 'consumption unit'], contains: ['jednotka', 'unit'] },
  currentSupplier: {
    exact: ['dodavatel', 'sucasny dodavatel', 'stavajuci dodavatel', 'stavajici dodavatel', 'soucasny dodavatel', 'current supplier', 'supplier'],
    contains: ['dodavatel', 'supplier'],
  },
  currentProduct: { exact: ['produkt', 'product', 'current product', 'sucasny produkt', 'stavajuci produkt', 'stavajici produkt', 'soucasny produkt'], contains: ['produkt', 'product'] },
  distributionRate: {
    exact: ['distribucna sadzba', 'distribucni sazba', 'distribution rate', 'sadzba', 'sazba', 'distribution tariff', 'tarif distribucie', 'sadzba distribucie'],
    contains: ['sadzba', 'sazba', 'distribution rate'],
  },
  iban: { exact: ['iban', 'cislo uctu', 'bankovy ucet', 'bankovni ucet', 'bank account', 'account'], contains: ['iban'] },
  paymentMethod: { exact: ['sposob platby', 'zpusob platby', 'payment method', 'platba', 'payment', 'forma uhrady'], contains: ['platby', 'payment'] },
  status: { exact: ['stav', 'status', 'stav om'] },
  note: { exact: ['poznamka', 'note', 'notes', 'comment', 'komentar', 'popis', 'description'], contains: ['poznamka', 'note'] },
};

/** Each field gets the header that names it best; a header serves one field at most. */
export const suggestMapping = (headers: string[]): Record<TargetField, string | null> =>
  suggestHeaders(supplyPointTargetFields, synonyms, headers);

// ------------------------------------------------------------------------------------- cell values

const commodities: Record<string, 'electricity' | 'gas'> = {
  electricity: 'electricity',
  elektrina: 'electricity',
  elektrika: 'electricity',
  'elektricka energia': 'electricity',
  'elektricka energie': 'electricity',
  ee: 'electricity',
  power: 'electricity',
  gas: 'gas',
  plyn: 'gas',
  'zemny plyn': 'gas',
  'zemni plyn': 'gas',
  zp: 'gas',
  'natural gas': 'gas',
};

/** electricity/gas, also in Slovak and Czech; anything else is passed on for the create rules to reject. */
export const normaliseCommodity = (raw: string): string => commodities[simplify(raw)] ?? raw;

const units: Record<string, 'kWh' | 'MWh' | 'm3'> = { kwh: 'kWh', mwh: 'MWh', m3: 'm3', 'm³': 'm3', 'm^3': 'm3', 'cubic metres': 'm3', 'cubic meters': 'm3' };

export const normaliseUnit = (raw: string): string => units[raw.trim().toLowerCase().replace(/\s+/g, ' ')] ?? raw;

const statuses: Record<string, 'active' | 'inactive'> = {
  active: 'active',
  aktivne: 'active',
  aktivny: 'active',
  aktivni: 'active',
  inactive: 'inactive',
  neaktivne: 'inactive',
  neaktivny: 'inactive',
  neaktivni: 'inactive',
};

export const normaliseStatus = (raw: string): string => statuses[simplify(raw)] ?? raw;

/** A company ID as clients store it (no spaces, upper case), and its 8-digit form when leading zeros were lost. */
export const companyIdCandidates = (raw: string): string[] => {
  const compact = raw.replace(/\s+/g, '').replace(/[a-z]+/g, (m) => m.toUpperCase());
  if (!compact) return [];
  return /^\d{1,7}$/.test(compact) ? [compact, compact.padStart(8, '0')] : [compact];
};

/** A value of a code list given by its code (any case) or by any of its labels; unknown values are passed on. */
export const codeOf = (items: { code: string; labels: Record<string, string> }[], raw: string): string => {
  const wanted = raw.trim();
  const byCode = items.find((item) => item.code.toLowerCase() === wanted.toLowerCase());
  if (byCode) return byCode.code;
  const simple = simplify(wanted);
  const byLabel = items.find((item) => Object.values(item.labels).some((label) => simplify(label) === simple));
  return byLabel ? byLabel.code : wanted;
};
