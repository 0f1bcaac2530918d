import { describe, expect, it } from 'vitest';
import { approvalRouteOf, type ApprovalPolicy } from './approval.js';

const managerAbove: ApprovalPolicy = { minimumMarginPercent: '8', aboveMinimum: 'manager' };
const directAbove: ApprovalPolicy = { minimumMarginPercent: '8', aboveMinimum: 'none' };

describe('approvalRouteOf', () => {
  it.each([
    ['under the minimum goes to the board', '7.99', managerAbove, 'board'],
    ['under the minimum goes to the board even when others go straight out', '2', directAbove, 'board'],
    ['a negative margin goes to the board', '-3.5', directAbove, 'board'],
    ['exactly the minimum is enough', '8', managerAbove, 'manager'],
    ['exactly the minimum written with decimals is enough', '8.000', directAbove, 'none'],
    ['above the minimum goes to the manager when configured', '12.4', managerAbove, 'manager'],
    ['above the minimum goes straight out when configured', '12.4', directAbove, 'none'],
    ['an unknown margin goes to the board', null, directAbove, 'board'],
    ['a zero minimum lets a zero margin through', '0', { minimumMarginPercent: '0', aboveMinimum: 'none' }, 'none'],
  ] as const)('%s', (_case, margin, policy, route) => {
    expect(approvalRouteOf(margin, policy)).toBe(route);
  });
});
