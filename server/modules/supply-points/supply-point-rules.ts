import { Decimal } from 'decimal.js';
import { searchable, type FieldIssue } from '../../../domain/clients/client-rules.js';
import { consumptionInAllUnits, consumptionInKWh, type ConsumptionUnit } from '../../../domain/energy/consumption.js';
import { selectConsumptionBand } from '../../../domain/energy/consumption-bands.js';
import { checkGasConversion, type GasConversion } from '../../../domain/energy/gas-conversion.js';
import { roundQuantity, toDecimalString } from '../../../domain/energy/quantity.js';
import { checkSupplyPointIdentifier, type Commodity } from '../../../domain/energy/supply-point-identifier.js';
import { suggestTerritory } from '../../../domain/energy/territory.js';
import { checkIban } from '../../../domain/identifiers/iban.js';
import type { EnergyReference } from '../code-lists/energy-reference.service.js';
import type { DerivedParameters, SupplyPointCreateBody } from './supply-points.api.js';

/** The fields a supply point is checked on, as the form or an import row gives them. */
export type SupplyPointFields = Omit<SupplyPointCreateBody, 'clientId'>;

export type HolderFacts = { country: string; kind: 'company' | 'person' };

const identifierMessages: Record<string, string> = {
  required: 'is required',
  length: 'has the wrong length for this country and commodity',
  charset: 'contains characters not allowed in this identifier',
  checksum: 'check character does not match',
  component: 'is not a valid identifier of this kind',
  commodity: 'is an identifier of another kind than this country and commodity use',
};

type GasParameters = { conversion: GasConversion; kSource: 'supply_point' | 'municipality'; hsSource: 'supply_point' | 'reference' } | null;

/** The site's own k and Hs when the distributor stated them, else the reference tables' values for the date. */
export const gasParametersOf = (
  reference: EnergyReference,
  site: { commodity: Commodity; country: string; city: string | null; territoryCode: string | null; gasVolumeCoefficient: string | null; gasCalorificValue: string | null },
): GasParameters => {
  if (site.commodity !== 'gas') return null;
  const ownK = site.gasVolumeCoefficient ? new Decimal(site.gasVolumeCoefficient) : null;
  const ownHs = site.gasCalorificValue ? new Decimal(site.gasCalorificValue) : null;
  const k = ownK ?? reference.volumeCoefficientFor(site.country, site.city);
  const hs = ownHs ?? reference.calorificValueFor(site.country, site.territoryCode);
  if (!k || !hs) return null;
  return { conversion: { k, hs }, kSource: ownK ? 'supply_point' : 'municipality', hsSource: ownHs ? 'supply_point' : 'reference' };
};

/**
 * Checks a whole supply point as it would be saved and returns the normalised column values. Pure: the caller
 * supplies the holder's country and kind and the reference data valid today, so forms, the API and the import
 * apply the very same rules. Code-list membership is checked by the caller against the database.
 */
export const checkSupplyPoint = (fields: SupplyPointFields, holder: HolderFacts, reference: EnergyReference) => {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const country = holder.country;

  const id = checkSupplyPointIdentifier(country, fields.commodity, fields.identifier);
  if (!id.ok) {
    errors.push({ path: 'identifier', code: id.reason, message: `identifier ${identifierMessages[id.reason] ?? id.reason} (expected ${id.expected})` });
  } else if (id.warning) {
    warnings.push({ path: 'identifier', code: id.warning, message: id.warning === 'prefix' ? 'identifier has an unusual prefix' : 'identifier format is not checked for this country' });
  }
  const identifier = id.ok ? id.value : fields.identifier.trim().toUpperCase();
  const suggested = id.ok ? suggestTerritory(reference.prefixes, { country, commodity: fields.commodity, identifier }, reference.on) : null;
  const territoryCode = fields.territoryCode || suggested;
  const territorySource: 'identifier' | 'manual' | null = fields.territoryCode ? (fields.territoryCode === suggested ? 'identifier' : 'manual') : suggested ? 'identifier' : null;

  let iban: string | null = null;
  if (fields.iban) {
    const result = checkIban(fields.iban);
    if (result.ok) iban = result.value;
    else errors.push({ path: 'iban', code: result.reason, message: `iban ${result.reason === 'checksum' ? 'fails the mod 97 check' : `is not an IBAN (${result.reason})`}` });
  }

  const address = fields.address ?? {};
  const site = {
    commodity: fields.commodity,
    country,
    city: address.city || null,
    territoryCode,
    gasVolumeCoefficient: fields.commodity === 'gas' ? (fields.gasVolumeCoefficient ?? null) : null,
    gasCalorificValue: fields.commodity === 'gas' ? (fields.gasCalorificValue ?? null) : null,
  };
  const gas = gasParametersOf(reference, site);
  if (gas) {
    const problem = checkGasConversion(gas.conversion);
    if (problem) {
      const path = problem === 'coefficient_out_of_range' ? 'gasVolumeCoefficient' : 'gasCalorificValue';
      errors.push({ path, code: problem, message: `${path} is outside the plausible range` });
    }
  }

  let annualConsumptionKWh: string | null = null;
  const hasAmount = fields.annualConsumption !== null && fields.annualConsumption !== undefined;
  if (hasAmount && !fields.consumptionUnit) {
    errors.push({ path: 'consumptionUnit', code: 'required', message: 'consumptionUnit is required with annualConsumption' });
  } else if (hasAmount && fields.consumptionUnit) {
    const converted = consumptionInKWh(new Decimal(fields.annualConsumption!), fields.consumptionUnit, fields.commodity, errors.length ? null : gas?.conversion);
    if (converted.ok) annualConsumptionKWh = toDecimalString(roundQuantity(converted.kWh));
    else if (converted.reason === 'unit_not_allowed') {
      errors.push({ path: 'consumptionUnit', code: 'unit_not_allowed', message: `consumptionUnit ${fields.consumptionUnit} is not a unit for ${fields.commodity}` });
    } else if (converted.reason === 'conversion_missing') {
      warnings.push({ path: 'annualConsumption', code: 'conversion_missing', message: 'no volume coefficient or calorific value known for this site: kWh cannot be derived' });
    }
  }

  const columns = {
    commodity: fields.commodity,
    country,
    identifier,
    identifierScheme: id.ok ? id.scheme : 'other',
    territoryCode: territoryCode ?? null,
    territorySource,
    status: fields.status,
    name: fields.name || null,
    street: address.street || null,
    city: address.city || null,
    postalCode: address.postalCode || null,
    addressCountry: address.country || country,
    annualConsumption: hasAmount ? fields.annualConsumption! : null,
    consumptionUnit: (hasAmount ? fields.consumptionUnit : null) ?? null,
    annualConsumptionKWh,
    gasVolumeCoefficient: site.gasVolumeCoefficient,
    gasCalorificValue: site.gasCalorificValue,
    currentSupplier: fields.currentSupplier || null,
    currentProduct: fields.currentProduct || null,
    distributionRate: fields.distributionRate || null,
    breakerRating: fields.breakerRating || null,
    iban,
    paymentMethod: fields.paymentMethod || null,
    note: fields.note || null,
  };
  const searchText = searchable(identifier, columns.name, columns.street, columns.city, columns.postalCode, columns.currentSupplier);
  return { columns: { ...columns, searchText }, errors, warnings };
};

/** Band, territory suggestion, consumption in every unit and the gas conversion used, for the card (ENERGY-2). */
export const deriveParameters = (
  row: {
    commodity: Commodity;
    country: string;
    identifier: string;
    city: string | null;
    territoryCode: string | null;
    annualConsumptionKWh: string | null;
    gasVolumeCoefficient: string | null;
    gasCalorificValue: string | null;
  },
  holder: HolderFacts,
  reference: EnergyReference,
): DerivedParameters => {
  const gas = gasParametersOf(reference, row);
  const kWh = row.annualConsumptionKWh === null ? null : new Decimal(row.annualConsumptionKWh);
  const units = kWh ? consumptionInAllUnits(kWh, row.commodity, gas?.conversion) : {};
  const shown = (unit: ConsumptionUnit) => {
    const value = units[unit];
    return value ? toDecimalString(roundQuantity(value)) : null;
  };
  const band = kWh
    ? selectConsumptionBand(
        reference.bands,
        { country: row.country, commodity: row.commodity, customerCategory: holder.kind === 'person' ? 'household' : 'business', territoryCode: row.territoryCode, annualKWh: kWh },
        reference.on,
      )
    : null;
  return {
    on: reference.on,
    suggestedTerritoryCode: suggestTerritory(reference.prefixes, row, reference.on),
    consumption: { kWh: shown('kWh'), MWh: shown('MWh'), m3: shown('m3') },
    consumptionBand: band && {
      code: band.code,
      customerCategory: band.customerCategory,
      lowerKWh: band.lowerKWh.toFixed(),
      upperKWh: band.upperKWh?.toFixed() ?? null,
      validFrom: band.validFrom,
      source: band.source,
    },
    gasConversion: gas && { k: gas.conversion.k.toFixed(), kSource: gas.kSource, hs: gas.conversion.hs.toFixed(), hsSource: gas.hsSource },
  };
};
