import { describe, expect, it } from 'vitest';
import type { Rule } from './api.js';
import { checkRuleForm, fieldOfPath, ruleFormValues, stagesTotal, toRuleBody, toRuleUpdate } from './rule-form.js';

const rule: Rule = {
  id: 'r-1',
  ownerId: 'o-1',
  kind: 'sales',
  name: 'Provízna Energia – 2 €/MWh',
  productId: null,
  productName: null,
  supplier: 'Provízna Energia a.s.',
  clientKind: 'company',
  consumption: { kind: 'mwh', fromMWh: '10', toMWh: null },
  validFrom: '2026-01-01',
  validTo: null,
  basis: { kind: 'perMWh', amount: '2.00' },
  payoutModel: {
    kind: 'multiStage',
    stages: [
      { percent: '30', trigger: { event: 'signature' } },
      { percent: '30', trigger: { event: 'supplyStart' } },
      { percent: '40', trigger: { event: 'monthsAfterSupplyStart', months: 12 } },
    ],
  },
  clawback: 'proRata',
  inUse: false,
  archivedAt: null,
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
};

describe('rule form values', () => {
  it('round-trip a rule into the same API body', () => {
    const values = ruleFormValues(rule, '2026-05-05');
    expect(values.scope).toBe('supplier');
    expect(checkRuleForm(values, ',')).toEqual({});
    expect(toRuleBody(values, ',')).toEqual({
      kind: 'sales',
      name: rule.name,
      productId: null,
      supplier: rule.supplier,
      clientKind: 'company',
      consumption: { kind: 'mwh', fromMWh: '10', toMWh: null },
      validFrom: '2026-01-01',
      validTo: null,
      basis: { kind: 'perMWh', amount: '2.00' },
      payoutModel: rule.payoutModel,
      clawback: 'proRata',
    });
  });

  it('start a new rule valid from today, paid at once on signature', () => {
    const values = ruleFormValues(null, '2026-05-05');
    expect(values.validFrom).toBe('2026-05-05');
    expect(checkRuleForm(values, ',')).toEqual({ name: 'required', basisValue: 'required' });
    const body = toRuleBody({ ...values, name: ' Všetko ', basisValue: '12,5', basisKind: 'marginPercent' }, ',');
    expect(body).toMatchObject({ name: 'Všetko', supplier: null, productId: null, consumption: null, basis: { kind: 'marginPercent', percent: '12.5' }, payoutModel: { kind: 'oneOff', trigger: { event: 'signature' } } });
  });

  it('send only the scope chosen, and the months only of a "months after" trigger', () => {
    const values = { ...ruleFormValues(rule, '2026-05-05'), scope: 'product' as const, productId: 'p-1', payoutKind: 'instalments' as const, trigger: { event: 'supplyStart' as const, months: 12 }, count: 6, everyMonths: 2 };
    expect(toRuleBody(values, ',')).toMatchObject({ productId: 'p-1', supplier: null, payoutModel: { kind: 'instalments', count: 6, everyMonths: 2, trigger: { event: 'supplyStart' } } });
    expect(toRuleBody({ ...values, consumptionKind: 'band', bands: ['C2', 'C3'] }, ',').consumption).toEqual({ kind: 'band', bands: ['C2', 'C3'] });
  });

  it('change only the name and end of a rule in use', () => {
    const values = { ...ruleFormValues(rule, '2026-05-05'), name: 'Nový názov', validTo: '2026-12-31', basisValue: '3' };
    expect(toRuleUpdate(values, true, ',')).toEqual({ name: 'Nový názov', validTo: '2026-12-31' });
    expect(toRuleUpdate(values, false, ',')).toMatchObject({ basis: { kind: 'perMWh', amount: '3' } });
  });

  it('check stages, ranges and the scope before saving', () => {
    const values = ruleFormValues(rule, '2026-05-05');
    expect(checkRuleForm({ ...values, stages: [{ percent: '50', trigger: { event: 'signature', months: 12 } }, { percent: '40', trigger: { event: 'supplyStart', months: 12 } }] }, ',')).toEqual({ stages: 'stages_not_100' });
    expect(checkRuleForm({ ...values, toMWh: '5' }, ',')).toEqual({ toMWh: 'not_above_lower' });
    expect(checkRuleForm({ ...values, scope: 'supplier', supplier: ' ' }, ',')).toEqual({ supplier: 'required' });
    expect(checkRuleForm({ ...values, validTo: '2025-12-31' }, ',')).toEqual({ validTo: 'before_valid_from' });
    expect(stagesTotal([{ percent: '33.33', trigger: { event: 'signature', months: 1 } }, { percent: '66.67', trigger: { event: 'signature', months: 1 } }], ',')).toBe(100);
    expect(stagesTotal([{ percent: 'x', trigger: { event: 'signature', months: 1 } }], ',')).toBeNull();
  });
});

describe('server problems on form fields', () => {
  it.each([
    ['validFrom', 'validFrom'],
    ['payoutModel.stages', 'stages'],
    ['payoutModel.stages.1.percent', 'stages.1.percent'],
    ['payoutModel.stages.2.trigger.months', 'stages.2.trigger.months'],
    ['payoutModel.count', 'count'],
    ['payoutModel.trigger.months', 'trigger.months'],
    ['payoutModel', 'payoutKind'],
    ['basis.amount', 'basisValue'],
    ['consumption.bands.0', 'bands'],
    ['consumption.toMWh', 'toMWh'],
    ['consumption', 'consumptionKind'],
  ])('%s → %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });

  it('reads decimals the way the UI language writes them', () => {
    const values = { ...ruleFormValues(null, '2026-01-01'), name: 'x', basisValue: '1,500.5', consumptionKind: 'mwh' as const, fromMWh: '1 000', toMWh: '' };
    expect(checkRuleForm(values, '.')).toEqual({});
    expect(toRuleBody(values, '.')).toMatchObject({ basis: { amount: '1500.5' }, consumption: { fromMWh: '1000' } });
    expect(toRuleBody({ ...values, basisValue: '12 500,5' }, ',').basis).toEqual({ kind: 'perMWh', amount: '12500.5' });
    expect(checkRuleForm({ ...values, basisValue: '12,5,0' }, ',')).toEqual({ basisValue: 'decimal' });
  });
});

