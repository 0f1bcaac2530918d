import { describe, expect, it } from 'vitest';
import { pipelineValue, type PipelineOffer } from './pipeline.js';

const offer = (id: string, total: string, relationGroupId: string | null = null, state: PipelineOffer['state'] = 'sent'): PipelineOffer => ({
  id,
  total,
  relationGroupId,
  state,
});

describe('pipelineValue', () => {
  it.each<[string, PipelineOffer[], string]>([
    ['no offers', [], '0.00'],
    ['unrelated offers add up', [offer('a', '1000.10'), offer('b', '2000.20')], '3000.30'],
    [
      'three single-year offers and one combined offer for the same years count once, with the largest',
      [offer('y1', '100000', 'g'), offer('y2', '104000', 'g'), offer('y3', '108000', 'g'), offer('all', '300000', 'g')],
      '300000.00',
    ],
    ['two groups and a loose offer', [offer('a', '10', 'g1'), offer('b', '20', 'g1'), offer('c', '5', 'g2'), offer('d', '1.5')], '26.50'],
    ['declined, lapsed, superseded and accepted offers are not in the pipeline', [
      offer('a', '10', null, 'declined'), offer('b', '20', null, 'lapsed'), offer('c', '30', null, 'superseded'), offer('d', '40', null, 'accepted'), offer('e', '7', null, 'draft'),
    ], '7.00'],
    ['a closed offer of a group does not count for the group', [offer('a', '500', 'g', 'declined'), offer('b', '100', 'g', 'approved')], '100.00'],
    ['decimal totals do not drift like floats', [offer('a', '0.1'), offer('b', '0.2')], '0.30'],
  ])('%s', (_case, offers, value) => {
    expect(pipelineValue(offers)).toBe(value);
  });
});
