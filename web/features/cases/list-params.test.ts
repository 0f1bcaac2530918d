import { describe, expect, it } from 'vitest';
import { applyCaseListChanges, readCaseListParams } from './list-params.js';

describe('case list parameters in the address', () => {
  it.each([
    ['search and sort', 'q=teplaren&sort=-nextActivityAt', { q: 'teplaren', sort: '-nextActivityAt' }],
    ['filters', 'state=new&commodity=gas&processTemplateId=p1', { state: 'new', commodity: 'gas', processTemplateId: 'p1' }],
    ['unknown keys are ignored', 'colour=red&state=closed', { state: 'closed' }],
    ['empty values are ignored', 'q=&state=', {}],
  ])('reads %s', (_, query, expected) => {
    expect(readCaseListParams(new URLSearchParams(query))).toEqual(expected);
  });

  it.each([
    ['sets and removes values', 'state=new', { state: null, outcome: 'won' }, 'outcome=won'],
    ['a new process clears the stage', 'processTemplateId=a&stageId=s', { processTemplateId: 'b' }, 'processTemplateId=b'],
    ['a stage with its process stays', 'processTemplateId=a', { processTemplateId: 'a', stageId: 's' }, 'processTemplateId=a&stageId=s'],
  ])('%s', (_, before, changes, after) => {
    expect(applyCaseListChanges(new URLSearchParams(before), changes).toString()).toBe(after);
  });
});
