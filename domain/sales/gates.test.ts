import { describe, expect, it } from 'vitest';
import { filledGateFields, missingGateFields, newlyFilledGateFields, type GateSnapshot } from './gates.js';

const empty: GateSnapshot = {
  supplyPointIds: [],
  participants: [{ userId: 'u', share: '100' }],
  potentials: [],
  totalDemand: null,
  expectedCloseDate: null,
  securityKind: null,
  securityAmount: null,
  territoryCode: null,
  note: null,
};
const full: GateSnapshot = {
  ...empty,
  supplyPointIds: ['sp'],
  potentials: [{}],
  totalDemand: '120.5',
  expectedCloseDate: '2027-01-31',
  securityKind: 'deposit',
  securityAmount: '1000',
  territoryCode: 'sk-zsd',
  note: 'ok',
};

describe('missingGateFields', () => {
  it.each([
    ['nothing required', [], empty, []],
    ['every field of an empty case', ['supplyPointIds', 'totalDemand', 'expectedCloseDate'], empty, ['supplyPointIds', 'totalDemand', 'expectedCloseDate']],
    ['a filled case', ['supplyPointIds', 'totalDemand', 'expectedCloseDate', 'securityKind', 'securityAmount', 'note'], full, []],
    ['participants count as filled with one row', ['participants'], empty, []],
    ['a blank note is not filled', ['note'], { ...empty, note: '  ' }, ['note']],
    ['a zero total demand is filled (a value was entered)', ['totalDemand'], { ...empty, totalDemand: '0' }, []],
    ['a field named twice is reported once', ['potentials', 'potentials'], empty, ['potentials']],
    ['an unknown field is reported as missing', ['colour'], full, ['colour']],
    ['the stage order is kept', ['note', 'supplyPointIds'], empty, ['note', 'supplyPointIds']],
  ])('%s', (_case, required, snapshot, missing) => {
    expect(missingGateFields(required, snapshot)).toEqual(missing);
  });
});

describe('newlyFilledGateFields', () => {
  it.each([
    ['nothing changed', empty, empty, []],
    ['two fields filled', empty, { ...empty, totalDemand: '5', supplyPointIds: ['a'] }, ['supplyPointIds', 'totalDemand']],
    ['a field emptied is not filled', full, { ...full, note: null }, []],
    ['a field changed from one value to another was filled before', full, { ...full, note: 'other' }, []],
  ])('%s', (_case, before, after, expected) => {
    expect(newlyFilledGateFields(before, after)).toEqual(expected);
  });

  it('lists every filled field of a full case', () => {
    expect(filledGateFields(full)).toHaveLength(9);
    expect(filledGateFields(empty)).toEqual(['participants']);
  });
});
