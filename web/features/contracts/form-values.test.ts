import { describe, expect, it } from 'vitest';
import type { ContractDetail } from './api.js';
import { fieldOfProblem } from './display.js';
import { initialFormValues, moveInOrder, toCreateBody, toUpdateBody, validateContractForm, type ContractFormValues } from './form-values.js';

const valid: ContractFormValues = {
  ...initialFormValues(null, 'client-1'),
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 3,
  supplyPointIds: ['sp-1'],
  signatoryContactIds: ['c-2', 'c-1'],
};

const detail = (state: ContractDetail['state']): ContractDetail => ({
  id: 'k-1',
  ownerId: 'o',
  number: 'KW-2026-7',
  clientId: 'client-1',
  clientName: 'Teplo',
  caseId: null,
  offerId: null,
  type: 'supply',
  commodity: 'gas',
  supplier: 'SPP',
  productId: null,
  productName: 'Fix 2027',
  state,
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 3,
  noticeDeadline: '2027-09-30',
  signedAt: null,
  endedOn: null,
  note: null,
  responsibleUserId: null,
  supplyPointIds: ['sp-1'],
  signatories: [{ contactId: 'c-1', name: 'Jana', email: 'j@x.sk', phone: null, position: 1 }],
  archivedAt: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  version: 4,
});

describe('contract form checks', () => {
  it('accepts a complete contract', () => {
    expect(validateContractForm(valid)).toEqual({});
  });

  it.each<[string, Partial<ContractFormValues>, Record<string, string>]>([
    ['no client', { clientId: null }, { clientId: 'required' }],
    ['no start', { startDate: '' }, { startDate: 'required' }],
    ['an end before the start', { endDate: '2026-12-31' }, { endDate: 'end_before_start' }],
    ['an end on the start day is fine', { endDate: '2027-01-01' }, {}],
    ['no end (indefinite period) is fine', { endDate: '' }, {}],
    ['a notice period over 60 months', { noticePeriodMonths: 61 }, { noticePeriodMonths: 'invalid_value' }],
    ['a fractional notice period', { noticePeriodMonths: 1.5 }, { noticePeriodMonths: 'invalid_value' }],
    ['a number over 40 characters', { number: 'K'.repeat(41) }, { number: 'too_big' }],
  ])('%s', (_, change, expected) => {
    expect(validateContractForm({ ...valid, ...change })).toEqual(expected);
  });
});

describe('what the form sends', () => {
  it('a new contract without a number leaves the numbering to the server and empties texts to null', () => {
    const body = toCreateBody({ ...valid, supplier: '  ', note: ' x ' }, 'case-9');
    expect(body).toMatchObject({ clientId: 'client-1', caseId: 'case-9', supplier: null, note: 'x', noticePeriodMonths: 3, signatoryContactIds: ['c-2', 'c-1'] });
    expect(body).not.toHaveProperty('number');
  });

  it('a draft sends every term with its version', () => {
    const body = toUpdateBody({ ...initialFormValues(detail('draft'), null), productName: 'Spot' }, detail('draft'));
    expect(body).toMatchObject({ productName: 'Spot', supplyPointIds: ['sp-1'], number: 'KW-2026-7', version: 4 });
  });

  it('a contract out for signature sends only its end, notice period and note', () => {
    const body = toUpdateBody({ ...initialFormValues(detail('signed'), null), endDate: '2028-06-30', productName: 'Spot' }, detail('signed'));
    expect(body).toEqual({ endDate: '2028-06-30', noticePeriodMonths: 3, note: null, version: 4 });
  });
});

describe('signing order', () => {
  it.each<[string, number, -1 | 1, string[]]>([
    ['moves up', 1, -1, ['b', 'a', 'c']],
    ['moves down', 1, 1, ['a', 'c', 'b']],
    ['the first stays first', 0, -1, ['a', 'b', 'c']],
    ['the last stays last', 2, 1, ['a', 'b', 'c']],
  ])('%s', (_, index, by, expected) => {
    expect(moveInOrder(['a', 'b', 'c'], index, by)).toEqual(expected);
  });
});

describe('server problems on the form', () => {
  it.each([
    ['supplyPointIds.0', 'supplyPointIds'],
    ['signatoryContactIds.2', 'signatoryContactIds'],
    ['endDate', 'endDate'],
    ['clientId', 'clientId'],
  ])('%s shows at %s', (path, field) => {
    expect(fieldOfProblem(path)).toBe(field);
  });
});
