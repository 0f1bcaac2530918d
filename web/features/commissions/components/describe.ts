import type { TFunction } from 'i18next';
import type { Formatters } from '../../../i18n/formatters.js';
import type { CommissionBasis, ConsumptionScope, PayoutModel, PayoutTrigger, Rule } from '../api.js';

export const triggerText = (t: TFunction, trigger: PayoutTrigger): string =>
  t(`commissions.rules.trigger.${trigger.event}`, { count: trigger.event === 'monthsAfterSupplyStart' ? trigger.months : 0 });

export const basisText = (t: TFunction, format: Formatters, basis: CommissionBasis, currency: string): string =>
  basis.kind === 'marginPercent'
    ? t('commissions.rules.basisText.marginPercent', { percent: format.number(basis.percent) })
    : t(`commissions.rules.basisText.${basis.kind}`, { amount: format.number(basis.amount, { style: 'currency', currency, minimumFractionDigits: 2 }) });

export const payoutText = (t: TFunction, model: PayoutModel): string => {
  switch (model.kind) {
    case 'oneOff':
      return t('commissions.rules.payoutText.oneOff', { trigger: triggerText(t, model.trigger) });
    case 'instalments':
      return t('commissions.rules.payoutText.instalments', { count: model.count, months: model.everyMonths, trigger: triggerText(t, model.trigger) });
    case 'multiStage':
      return model.stages.map((s) => `${s.percent} % ${triggerText(t, s.trigger)}`).join(', ');
  }
};

export const consumptionText = (t: TFunction, format: Formatters, scope: ConsumptionScope | null): string | null => {
  if (!scope) return null;
  if (scope.kind === 'band') return t('commissions.rules.consumptionText.band', { bands: scope.bands.join(', ') });
  return scope.toMWh === null
    ? t('commissions.rules.consumptionText.from', { from: format.number(scope.fromMWh) })
    : t('commissions.rules.consumptionText.range', { from: format.number(scope.fromMWh), to: format.number(scope.toMWh) });
};

/** What a rule applies to, in words: product or supplier, client kind, consumption. */
export const scopeText = (t: TFunction, format: Formatters, rule: Rule): string =>
  [
    rule.productName ? t('commissions.rules.scopeText.product', { name: rule.productName }) : rule.supplier ? t('commissions.rules.scopeText.supplier', { name: rule.supplier }) : t('commissions.rules.scopeText.any'),
    rule.clientKind ? t(`commissions.rules.clientKind.${rule.clientKind}`) : null,
    consumptionText(t, format, rule.consumption),
  ]
    .filter(Boolean)
    .join(' · ');
