import { Decimal } from 'decimal.js';
import { checkPartyFields, type FieldIssue } from '../clients/client-rules.js';
import { toDecimalString } from '../energy/quantity.js';
import { checkSupplyPointIdentifier } from '../energy/supply-point-identifier.js';

export const potentialCommodities = ['electricity', 'gas', 'service'] as const;
export type PotentialCommodity = (typeof potentialCommodities)[number];
export const quantityUnits = ['kWh', 'MWh', 'm3'] as const;
export type QuantityUnit = (typeof quantityUnits)[number];
export const priceModels = ['fixed', 'spot', 'indexed', 'other'] as const;
export type PriceModel = (typeof priceModels)[number];

/** A quantity as the API carries it: a non-negative decimal string with at most 3 decimals (numeric(18, 3)). */
export const quantityPattern = /^\d{1,15}(\.\d{1,3})?$/;

export type PotentialInput = {
  commodity: PotentialCommodity;
  territoryCode?: string | null | undefined;
  supplyPointIdentifier?: string | null | undefined;
  periodFrom?: string | null | undefined;
  periodTo?: string | null | undefined;
  priceModel?: PriceModel | null | undefined;
  quantity?: string | null | undefined;
  quantityUnit?: QuantityUnit | null | undefined;
};

export type Potential = {
  commodity: PotentialCommodity;
  territoryCode: string | null;
  supplyPointIdentifier: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  priceModel: PriceModel | null;
  quantity: string | null;
  quantityUnit: QuantityUnit | null;
};

export type LeadRulesInput = {
  country: string;
  companyId?: string | null | undefined;
  phone?: string | null | undefined;
  totalDemand?: string | null | undefined;
  totalDemandUnit?: QuantityUnit | null | undefined;
  potentials?: readonly PotentialInput[] | undefined;
};

/** Units a quantity of each commodity may be given in: energy for both, volume for gas only; a service has none. */
export const unitsOf: Record<PotentialCommodity, readonly QuantityUnit[]> = {
  electricity: ['kWh', 'MWh'],
  gas: ['kWh', 'MWh', 'm3'],
  service: [],
};

const identifierMessages: Record<string, string> = {
  required: 'is required',
  length: 'has the wrong length for this country and commodity',
  charset: 'contains characters not allowed in it',
  checksum: 'check digit does not match',
  component: 'is not a valid identifier',
  commodity: 'is an identifier of another kind (commodity or object type)',
};

const blank = (value: string | null | undefined): value is null | undefined | '' =>
  value === null || value === undefined || value.trim() === '';

/** "12.500" → "12.5": quantities are compared and stored in one canonical form. */
const canonical = (value: string | null | undefined): string | null =>
  blank(value) ? null : toDecimalString(new Decimal(value.trim()));

/** A quantity and its unit come together: one without the other names the missing one. */
const pairRule = (
  quantity: string | null | undefined,
  unit: string | null | undefined,
  paths: { quantity: string; unit: string },
): FieldIssue[] => {
  if (!blank(quantity) && blank(unit))
    return [{ path: paths.unit, code: 'required', message: `${paths.unit} is required with a quantity` }];
  if (blank(quantity) && !blank(unit))
    return [{ path: paths.quantity, code: 'required', message: `${paths.quantity} is required with a unit` }];
  return [];
};

const checkPotential = (
  country: string,
  input: PotentialInput,
  index: number,
): { value: Potential; errors: FieldIssue[]; warnings: FieldIssue[] } => {
  const at = (field: string) => `potentials.${index}.${field}`;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const { commodity } = input;
  let supplyPointIdentifier: string | null = null;
  if (!blank(input.supplyPointIdentifier)) {
    if (commodity === 'service') {
      errors.push({
        path: at('supplyPointIdentifier'),
        code: 'not_allowed',
        message: `${at('supplyPointIdentifier')}: a service potential has no supply point`,
      });
    } else {
      const check = checkSupplyPointIdentifier(country, commodity, input.supplyPointIdentifier);
      if (check.ok) {
        supplyPointIdentifier = check.value;
        if (check.warning)
          warnings.push({
            path: at('supplyPointIdentifier'),
            code: check.warning,
            message: `${at('supplyPointIdentifier')}: ${check.warning}`,
          });
      } else {
        errors.push({
          path: at('supplyPointIdentifier'),
          code: check.reason,
          message: `${at('supplyPointIdentifier')} ${identifierMessages[check.reason] ?? check.reason}`,
        });
      }
    }
  }
  if (!blank(input.periodFrom) && !blank(input.periodTo) && input.periodTo < input.periodFrom) {
    errors.push({
      path: at('periodTo'),
      code: 'period_order',
      message: `${at('periodTo')} is before periodFrom`,
    });
  }
  if (commodity === 'service') {
    if (!blank(input.quantityUnit)) {
      errors.push({
        path: at('quantityUnit'),
        code: 'unit_not_allowed',
        message: `${at('quantityUnit')}: a service potential has no energy unit`,
      });
    }
  } else {
    errors.push(
      ...pairRule(input.quantity, input.quantityUnit, { quantity: at('quantity'), unit: at('quantityUnit') }),
    );
    if (!blank(input.quantityUnit) && !unitsOf[commodity].includes(input.quantityUnit)) {
      errors.push({
        path: at('quantityUnit'),
        code: 'unit_not_allowed',
        message: `${at('quantityUnit')}: ${input.quantityUnit} is not a unit of ${commodity}`,
      });
    }
  }
  if (!blank(input.quantity) && !quantityPattern.test(input.quantity.trim())) {
    errors.push({
      path: at('quantity'),
      code: 'invalid_decimal',
      message: `${at('quantity')} is not a non-negative decimal with at most 3 decimals`,
    });
  }
  return {
    value: {
      commodity,
      territoryCode: blank(input.territoryCode) ? null : input.territoryCode.trim(),
      supplyPointIdentifier,
      periodFrom: blank(input.periodFrom) ? null : input.periodFrom,
      periodTo: blank(input.periodTo) ? null : input.periodTo,
      priceModel: input.priceModel ?? null,
      quantity: errors.some((e) => e.path === at('quantity')) ? null : canonical(input.quantity),
      quantityUnit: blank(input.quantityUnit) ? null : input.quantityUnit,
    },
    errors,
    warnings,
  };
};

/**
 * Sum of the potentials' quantities when they are all in one unit; null when there are none or the units differ
 * (kWh and m³ of gas cannot be added without the site's conversion).
 */
export const potentialSum = (
  potentials: readonly Pick<Potential, 'quantity' | 'quantityUnit'>[],
): { quantity: string; unit: QuantityUnit } | null => {
  const withQuantity = potentials.filter((p) => p.quantity !== null && p.quantityUnit !== null);
  const unit = withQuantity[0]?.quantityUnit;
  if (!unit || withQuantity.some((p) => p.quantityUnit !== unit)) return null;
  return {
    quantity: toDecimalString(withQuantity.reduce((sum, p) => sum.plus(p.quantity!), new Decimal(0))),
    unit,
  };
};

/**
 * The rules of a lead that need several fields at once, shared by the server (on the merged record) and the
 * form: identifiers and the phone by country, each potential (identifier by country and commodity, period,
 * quantity with a unit of its commodity), and the total demand with its unit. Warnings do not block saving.
 */
export const checkLead = (
  input: LeadRulesInput,
): {
  values: {
    companyId: string | null;
    phone: string | null;
    totalDemand: string | null;
    potentials: Potential[];
  };
  errors: FieldIssue[];
  warnings: FieldIssue[];
} => {
  const party = checkPartyFields({
    country: input.country,
    companyId: input.companyId,
    phones: { phone: input.phone },
  });
  const errors = [...party.errors];
  const warnings = [...party.warnings];
  const potentials: Potential[] = [];
  const seen = new Map<string, number>();
  (input.potentials ?? []).forEach((raw, index) => {
    const checked = checkPotential(input.country, raw, index);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    const id = checked.value.supplyPointIdentifier;
    if (id !== null) {
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push({
          path: `potentials.${index}.supplyPointIdentifier`,
          code: 'duplicate',
          message: `potentials.${index}.supplyPointIdentifier repeats potential ${first + 1}`,
        });
      } else seen.set(id, index);
    }
    potentials.push(checked.value);
  });
  errors.push(
    ...pairRule(input.totalDemand, input.totalDemandUnit, {
      quantity: 'totalDemand',
      unit: 'totalDemandUnit',
    }),
  );
  if (!blank(input.totalDemand) && !quantityPattern.test(input.totalDemand.trim())) {
    errors.push({
      path: 'totalDemand',
      code: 'invalid_decimal',
      message: 'totalDemand is not a non-negative decimal with at most 3 decimals',
    });
  }
  const totalDemand = errors.some((e) => e.path === 'totalDemand') ? null : canonical(input.totalDemand);
  const sum = potentialSum(potentials);
  if (
    totalDemand !== null &&
    sum &&
    sum.unit === input.totalDemandUnit &&
    new Decimal(sum.quantity).greaterThan(totalDemand)
  ) {
    // The potential is what can be won now, the total demand the most there is: more potential is a typing slip.
    warnings.push({
      path: 'totalDemand',
      code: 'below_potential',
      message: `totalDemand ${totalDemand} is less than the potentials' ${sum.quantity}`,
    });
  }
  return {
    values: {
      companyId: party.values.companyId,
      phone: party.values.phones.phone ?? null,
      totalDemand,
      potentials,
    },
    errors,
    warnings,
  };
};
