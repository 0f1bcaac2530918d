import { Decimal } from 'decimal.js';
import type { OfferState } from './lifecycle.js';

export type PipelineOffer = {
  id: string;
  /** Offers linked as related (alternatives, single-year and combined offers for the same years) share a group. */
  relationGroupId: string | null;
  state: OfferState;
  /** The offered net total, a decimal string. */
  total: string;
};

/** States whose value is still to be won; accepted offers are won, the rest are out of the pipeline. */
const open: ReadonlySet<OfferState> = new Set(['draft', 'awaitingApproval', 'approved', 'sent']);

/**
 * The pipeline value of offers (OFFER-3): related offers are counted once, with the largest open total among
 * them, because the client will take one of them, not all.
 */
export const pipelineValue = (offers: readonly PipelineOffer[]): string => {
  const largestByGroup = new Map<string, Decimal>();
  for (const offer of offers) {
    if (!open.has(offer.state)) continue;
    const key = offer.relationGroupId ?? `offer:${offer.id}`;
    const total = new Decimal(offer.total);
    const current = largestByGroup.get(key);
    if (!current || total.greaterThan(current)) largestByGroup.set(key, total);
  }
  return [...largestByGroup.values()].reduce((sum, value) => sum.plus(value), new Decimal(0)).toFixed(2);
};
