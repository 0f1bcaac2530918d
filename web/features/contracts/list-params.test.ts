import { describe, expect, it } from 'vitest';
import { withChanges } from '../../components/address.js';
import { addDays, readContractListParams, toApiParams } from './list-params.js';

describe('contract register parameters in the address', () => {
  it.each([
    ['search and sort', 'q=KW-2026&sort=-noticeDeadline', { q: 'KW-2026', sort: '-noticeDeadline' }],
    ['filters', 'type=supply&state=signed&commodity=gas&supplier=ZSE', { type: 'supply', state: 'signed', commodity: 'gas', supplier: 'ZSE' }],
    ['end range and notice shortcut', 'endFrom=2026-01-01&endTo=2026-12-31&noticeWithin=60', { endFrom: '2026-01-01', endTo: '2026-12-31', noticeWithin: '60' }],
    ['unknown keys are ignored', 'colour=red&state=draft', { state: 'draft' }],
    ['a raw noticeBy is not an address key', 'noticeBy=2026-05-01', {}],
    ['a non-numeric shortcut is ignored', 'noticeWithin=soon', {}],
    ['empty values are ignored', 'q=&state=', {}],
  ])('reads %s', (_, query, expected) => {
    expect(readContractListParams(new URLSearchParams(query))).toEqual(expected);
  });

  it('sets and removes values', () => {
    expect(withChanges(new URLSearchParams('state=draft&type=supply'), { state: null, commodity: 'gas' }).toString()).toBe('type=supply&commodity=gas');
  });

  it.each([
    ['within a month', '2026-11-23', 30, '2026-12-23'],
    ['across a year end', '2026-12-15', 30, '2027-01-14'],
    ['across a leap day', '2028-02-20', 10, '2028-03-01'],
  ])('adds days %s', (_, today, days, expected) => {
    expect(addDays(today, days)).toBe(expected);
  });

  it('turns the notice shortcut into the API’s noticeBy day and keeps the rest', () => {
    expect(toApiParams({ type: 'supply', noticeWithin: '90', sort: 'noticeDeadline' }, '2026-11-23')).toEqual({
      type: 'supply',
      sort: 'noticeDeadline',
      noticeBy: '2027-02-21',
    });
    expect(toApiParams({ state: 'signed' }, '2026-11-23')).toEqual({ state: 'signed' });
  });
});
