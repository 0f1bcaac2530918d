import { Decimal } from 'decimal.js';

/**
 * Who must approve an offer before it goes out (OFFER-5). The owner configures the minimum margin and what happens
 * to offers that meet it; an offer under the minimum always goes to the board.
 */
export type ApprovalPolicy = {
  /** Per cent of the offered net price, a decimal string, e.g. "8". */
  minimumMarginPercent: string;
  /** Offers at or above the minimum: the manager approves them, or they go straight out. */
  aboveMinimum: 'manager' | 'none';
};

export type ApprovalRoute = 'board' | 'manager' | 'none';

/**
 * The route for an offer with this margin. An offer whose margin cannot be computed (a product without purchase
 * cost) cannot be shown to meet the minimum, so the board decides it.
 */
export const approvalRouteOf = (marginPercent: string | null, policy: ApprovalPolicy): ApprovalRoute => {
  if (marginPercent === null) return 'board';
  if (new Decimal(marginPercent).lessThan(policy.minimumMarginPercent)) return 'board';
  return policy.aboveMinimum;
};
