import { parseDecimalInput } from '../supply-points/decimal-input.js';
import type { ClawbackPolicy, CommissionKind, PayoutModel, PayoutTrigger, Rule, RuleBody } from './api.js';

export const triggerEvents = ['signature', 'supplyStart', 'monthsAfterSupplyStart'] as const;
export type TriggerEvent = (typeof triggerEvents)[number];
export type TriggerValues = { event: TriggerEvent; months: number };

export const scopeKinds = ['any', 'product', 'supplier'] as const;
export const consumptionKinds = ['none', 'band', 'mwh'] as const;
export const basisKinds = ['perMWh', 'perSupplyPoint', 'marginPercent'] as const;
export const payoutKinds = ['oneOff', 'instalments', 'multiStage'] as const;

/** The rule form's values: flat, so every input has one field (and one place for the server's problem). */
export type RuleFormValues = {
  kind: CommissionKind;
  name: string;
  scope: (typeof scopeKinds)[number];
  productId: string | null;
  supplier: string;
  clientKind: 'company' | 'person' | null;
  consumptionKind: (typeof consumptionKinds)[number];
  bands: string[];
  fromMWh: string;
  toMWh: string;
  validFrom: string;
  validTo: string;
  basisKind: (typeof basisKinds)[number];
  basisValue: string;
  payoutKind: (typeof payoutKinds)[number];
  trigger: TriggerValues;
  count: number;
  everyMonths: number;
  stages: { percent: string; trigger: TriggerValues }[];
  clawback: ClawbackPolicy;
};

const defaultTrigger = (): TriggerValues => ({ event: 'signature', months: 12 });
const triggerValues = (trigger: PayoutTrigger): TriggerValues => ({ event: trigger.event, months: trigger.event === 'monthsAfterSupplyStart' ? trigger.months : 12 });
const toTrigger = (values: TriggerValues): PayoutTrigger =>
  values.event === 'monthsAfterSupplyStart' ? { event: 'monthsAfterSupplyStart', months: values.months } : { event: values.event };

export const defaultStages = (): RuleFormValues['stages'] => [
  { percent: '50', trigger: { event: 'signature', months: 12 } },
  { percent: '50', trigger: { event: 'supplyStart', months: 12 } },
];

/** The form's values for a new rule (`rule` null) or of an existing one. */
export const ruleFormValues = (rule: Rule | null, today: string): RuleFormValues => {
  const empty: RuleFormValues = {
    kind: 'sales',
    name: '',
    scope: 'any',
    productId: null,
    supplier: '',
    clientKind: null,
    consumptionKind: 'none',
    bands: [],
    fromMWh: '',
    toMWh: '',
    validFrom: today,
    validTo: '',
    basisKind: 'perMWh',
    basisValue: '',
    payoutKind: 'oneOff',
    trigger: defaultTrigger(),
    count: 12,
    everyMonths: 1,
    stages: defaultStages(),
    clawback: 'proRata',
  };
  if (!rule) return empty;
  const model = rule.payoutModel;
  return {
    ...empty,
    kind: rule.kind,
    name: rule.name,
    scope: rule.productId ? 'product' : rule.supplier ? 'supplier' : 'any',
    productId: rule.productId,
    supplier: rule.supplier ?? '',
    clientKind: rule.clientKind,
    consumptionKind: rule.consumption?.kind ?? 'none',
    bands: rule.consumption?.kind === 'band' ? [...rule.consumption.bands] : [],
    fromMWh: rule.consumption?.kind === 'mwh' ? rule.consumption.fromMWh : '',
    toMWh: rule.consumption?.kind === 'mwh' ? (rule.consumption.toMWh ?? '') : '',
    validFrom: rule.validFrom,
    validTo: rule.validTo ?? '',
    basisKind: rule.basis.kind,
    basisValue: rule.basis.kind === 'marginPercent' ? rule.basis.percent : rule.basis.amount,
    payoutKind: model.kind,
    trigger: model.kind === 'multiStage' ? defaultTrigger() : triggerValues(model.trigger),
    count: model.kind === 'instalments' ? model.count : empty.count,
    everyMonths: model.kind === 'instalments' ? model.everyMonths : empty.everyMonths,
    stages: model.kind === 'multiStage' ? model.stages.map((s) => ({ percent: s.percent, trigger: triggerValues(s.trigger) })) : empty.stages,
    clawback: rule.clawback,
  };
};

const payoutModelOf = (values: RuleFormValues): PayoutModel => {
  switch (values.payoutKind) {
    case 'oneOff':
      return { kind: 'oneOff', trigger: toTrigger(values.trigger) };
    case 'instalments':
      return { kind: 'instalments', count: values.count, everyMonths: values.everyMonths, trigger: toTrigger(values.trigger) };
    case 'multiStage':
      return { kind: 'multiStage', stages: values.stages.map((s) => ({ percent: s.percent.trim(), trigger: toTrigger(s.trigger) })) };
  }
};

/**
 * A decimal as typed, read the way the UI's language writes numbers (`separator`: "," in Slovak, "." in English),
 * as the API takes it: Slovak "12 500,5" and English "12,500.5" are both "12500.5".
 */
const decimal = (text: string, separator: string): string => parseDecimalInput(text.trim(), separator);

/** The API's body of a new rule, or of every field of a rule not in use yet. */
export const toRuleBody = (values: RuleFormValues, separator: string): RuleBody => ({
  kind: values.kind,
  name: values.name.trim(),
  productId: values.scope === 'product' ? values.productId : null,
  supplier: values.scope === 'supplier' ? values.supplier.trim() || null : null,
  clientKind: values.clientKind,
  consumption:
    values.consumptionKind === 'band'
      ? { kind: 'band', bands: values.bands }
      : values.consumptionKind === 'mwh'
        ? { kind: 'mwh', fromMWh: decimal(values.fromMWh, separator) || '0', toMWh: decimal(values.toMWh, separator) || null }
        : null,
  validFrom: values.validFrom,
  validTo: values.validTo || null,
  basis: values.basisKind === 'marginPercent' ? { kind: 'marginPercent', percent: decimal(values.basisValue, separator) } : { kind: values.basisKind, amount: decimal(values.basisValue, separator) },
  payoutModel: payoutModelOf(values),
  clawback: values.clawback,
});

/** A rule in use keeps everything but its name and end of validity. */
export const toRuleUpdate = (values: RuleFormValues, inUse: boolean, separator: string): Partial<RuleBody> => {
  if (!inUse) return toRuleBody(values, separator);
  return { name: values.name.trim(), validTo: values.validTo || null };
};

/** The form field that shows a server problem of `path` (`payoutModel.stages.1.percent` → `stages.1.percent`). */
export const fieldOfPath = (path: string): string => {
  const direct = ['kind', 'name', 'productId', 'supplier', 'clientKind', 'validFrom', 'validTo', 'clawback'];
  if (direct.includes(path)) return path;
  if (path.startsWith('basis')) return 'basisValue';
  if (path === 'consumption.fromMWh' || path === 'consumption.toMWh') return path.slice('consumption.'.length);
  if (path.startsWith('consumption.bands')) return 'bands';
  if (path.startsWith('consumption')) return 'consumptionKind';
  const stage = /^payoutModel\.stages\.(\d+)\.(percent|trigger\.months)/.exec(path);
  if (stage) return `stages.${stage[1]}.${stage[2]}`;
  if (path.startsWith('payoutModel.stages')) return 'stages';
  const model = /^payoutModel\.(count|everyMonths|trigger\.months)$/.exec(path);
  if (model) return model[1]!;
  if (path.startsWith('payoutModel')) return 'payoutKind';
  return path;
};

/** Sum of the stages' per cents as typed, for the hint under the stage list; null when one is not a number. */
export const stagesTotal = (stages: RuleFormValues['stages'], separator: string): number | null => {
  let cents = 0;
  for (const stage of stages) {
    const value = Number(decimal(stage.percent, separator));
    if (stage.percent.trim() === '' || Number.isNaN(value)) return null;
    cents += Math.round(value * 100);
  }
  return cents / 100;
};

/** Problems the form shows before asking the server, as `validation.<code>` codes by field. */
export const checkRuleForm = (values: RuleFormValues, separator: string): Record<string, string> => {
  const problems: Record<string, string> = {};
  const isDecimal = (text: string) => /^\d+(\.\d+)?$/.test(decimal(text, separator));
  if (!values.name.trim()) problems.name = 'required';
  if (!values.validFrom) problems.validFrom = 'required';
  if (values.validTo && values.validFrom && values.validTo < values.validFrom) problems.validTo = 'before_valid_from';
  if (values.scope === 'product' && !values.productId) problems.productId = 'required';
  if (values.scope === 'supplier' && !values.supplier.trim()) problems.supplier = 'required';
  if (values.consumptionKind === 'band' && values.bands.length === 0) problems.bands = 'required';
  if (values.consumptionKind === 'mwh') {
    if (!isDecimal(values.fromMWh)) problems.fromMWh = values.fromMWh.trim() ? 'decimal' : 'required';
    if (values.toMWh.trim() && !isDecimal(values.toMWh)) problems.toMWh = 'decimal';
    else if (values.toMWh.trim() && !problems.fromMWh && Number(decimal(values.toMWh, separator)) <= Number(decimal(values.fromMWh, separator))) problems.toMWh = 'not_above_lower';
  }
  if (!isDecimal(values.basisValue)) problems.basisValue = values.basisValue.trim() ? 'decimal' : 'required';
  if (values.payoutKind === 'multiStage') {
    values.stages.forEach((stage, i) => {
      if (!isDecimal(stage.percent)) problems[`stages.${i}.percent`] = stage.percent.trim() ? 'decimal' : 'required';
    });
    const total = stagesTotal(values.stages, separator);
    if (total !== null && total !== 100) problems.stages = 'stages_not_100';
  }
  return problems;
};
