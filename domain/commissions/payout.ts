import dayjs from 'dayjs';
import { Decimal } from 'decimal.js';
import type { Currency } from '../money.js';
import { allocate } from './allocate.js';

/**
 * How a commission is paid out (COMM-4): at once, in equal instalments, or in stages each becoming due on its own
 * event or date (e.g. part on signature, part on the start of supply, part 12 months after it).
 */
export type PayoutTrigger =
  | { event: 'signature' }
  | { event: 'supplyStart' }
  | { event: 'monthsAfterSupplyStart'; months: number };

/** What a payout row became due on: a model's trigger, or the end of a cancelled contract (a clawback). */
export type PayoutDueEvent = PayoutTrigger | { event: 'contractEnd'; cancelsPosition?: number };

export type PayoutModel =
  | { kind: 'oneOff'; trigger: PayoutTrigger }
  | { kind: 'instalments'; count: number; everyMonths: number; trigger: PayoutTrigger }
  | { kind: 'multiStage'; stages: { percent: string; trigger: PayoutTrigger }[] };

export type PayoutProblem = { path: string; code: string; message: string };

const percentFormat = /^\d{1,3}(\.\d{1,2})?$/;

/** A payout model as it would be saved: instalments at least one, stages with valid per cents adding up to 100. */
export const checkPayoutModel = (model: PayoutModel): PayoutProblem[] => {
  const problems: PayoutProblem[] = [];
  const checkTrigger = (trigger: PayoutTrigger, path: string) => {
    if (trigger.event === 'monthsAfterSupplyStart' && (!Number.isInteger(trigger.months) || trigger.months < 1 || trigger.months > 120)) {
      problems.push({ path: `${path}.months`, code: 'out_of_range', message: 'whole months from 1 to 120' });
    }
  };
  switch (model.kind) {
    case 'oneOff':
      checkTrigger(model.trigger, 'trigger');
      break;
    case 'instalments':
      if (!Number.isInteger(model.count) || model.count < 2 || model.count > 120) problems.push({ path: 'count', code: 'out_of_range', message: 'from 2 to 120 instalments' });
      if (!Number.isInteger(model.everyMonths) || model.everyMonths < 1 || model.everyMonths > 12) problems.push({ path: 'everyMonths', code: 'out_of_range', message: 'every 1 to 12 months' });
      checkTrigger(model.trigger, 'trigger');
      break;
    case 'multiStage': {
      if (model.stages.length < 2) problems.push({ path: 'stages', code: 'too_few', message: 'a multi-stage payout has at least two stages' });
      let total = new Decimal(0);
      model.stages.forEach((stage, i) => {
        if (!percentFormat.test(stage.percent) || new Decimal(stage.percent).lte(0)) {
          problems.push({ path: `stages.${i}.percent`, code: 'invalid_percent', message: `"${stage.percent}" is not a per cent above 0 with at most two decimals` });
        } else total = total.plus(stage.percent);
        checkTrigger(stage.trigger, `stages.${i}.trigger`);
      });
      if (problems.length === 0 && !total.eq(100)) {
        problems.push({ path: 'stages', code: 'stages_not_100', message: `the stages add up to ${total.toFixed()} %, not 100 %` });
      }
      break;
    }
  }
  return problems;
};

/** The days the events happened; supply may not have started yet. */
export type PayoutEvents = { signedOn: string; supplyStartOn: string | null };

export type PayoutInstalment = { position: number; trigger: PayoutTrigger; amount: Decimal; dueOn: string | null };

const dueOnOf = (trigger: PayoutTrigger, events: PayoutEvents, extraMonths = 0): string | null => {
  const base = trigger.event === 'signature' ? events.signedOn : events.supplyStartOn;
  if (!base) return null;
  const months = (trigger.event === 'monthsAfterSupplyStart' ? trigger.months : 0) + extraMonths;
  return dayjs(base).add(months, 'month').format('YYYY-MM-DD');
};

/**
 * The payout schedule of a commission amount: one row per stage or instalment, the amounts divided with the one
 * remainder rule (`allocate`) so they add up to the amount to the cent; `dueOn` is null while its event has not
 * happened (supply not started yet).
 */
export const payoutSchedule = (model: PayoutModel, amount: Decimal.Value, currency: Currency, events: PayoutEvents): PayoutInstalment[] => {
  switch (model.kind) {
    case 'oneOff':
      return [{ position: 1, trigger: model.trigger, amount: allocate(amount, ['1'], currency)[0]!, dueOn: dueOnOf(model.trigger, events) }];
    case 'instalments':
      return allocate(amount, Array.from({ length: model.count }, () => '1'), currency).map((part, i) => ({
        position: i + 1,
        trigger: model.trigger,
        amount: part,
        dueOn: dueOnOf(model.trigger, events, i * model.everyMonths),
      }));
    case 'multiStage':
      return allocate(amount, model.stages.map((s) => s.percent), currency).map((part, i) => ({
        position: i + 1,
        trigger: model.stages[i]!.trigger,
        amount: part,
        dueOn: dueOnOf(model.stages[i]!.trigger, events),
      }));
  }
};

export type ClawbackPayout = { amount: Decimal; dueOn: string; cancelsPosition: number | null };

/**
 * How a clawback (a negative amount) is settled: first by cancelling the commission's stages not yet paid that fall
 * due after the contract ended — a negative payout on each one's day, latest first, so the two net to nothing in that
 * month's statement and a contract that ended never pays its later stages; what remains is due on the day it ended,
 * taking back what was paid. The parts add up to the clawback; they come in the order they fall due.
 */
export const clawbackSchedule = (
  clawback: Decimal.Value,
  unpaidStages: readonly { position: number; amount: Decimal.Value; dueOn: string | null }[],
  endedOn: string,
): ClawbackPayout[] => {
  let left = new Decimal(clawback).negated();
  if (!left.isPositive()) return [];
  const cancels: ClawbackPayout[] = [];
  const later = unpaidStages
    .filter((stage): stage is { position: number; amount: Decimal.Value; dueOn: string } => stage.dueOn !== null && stage.dueOn > endedOn)
    .sort((a, b) => b.dueOn.localeCompare(a.dueOn) || b.position - a.position);
  for (const stage of later) {
    if (left.isZero()) break;
    const cancelled = Decimal.min(left, stage.amount);
    if (!cancelled.isPositive()) continue;
    cancels.push({ amount: cancelled.negated(), dueOn: stage.dueOn, cancelsPosition: stage.position });
    left = left.minus(cancelled);
  }
  const byDay = cancels.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || (a.cancelsPosition ?? 0) - (b.cancelsPosition ?? 0));
  return [...(left.isZero() ? [] : [{ amount: left.negated(), dueOn: endedOn, cancelsPosition: null }]), ...byDay];
};
