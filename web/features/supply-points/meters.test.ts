import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { makeFormatters } from '../../i18n/format.js';
import type { Meter, Reading } from './meters-api.js';
import {
  daysBetween,
  defaultRegisters,
  emptyMeterValues,
  meterProblems,
  meterToValues,
  meterTypesFor,
  meterValuesToInput,
  normaliseRegisters,
  readingProblems,
  readingValuesToInput,
  reminderSubject,
  todayIso,
  validateMeter,
  validateReading,
  verificationState,
} from './meters.js';
import { englishT } from './test-i18n.js';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const format = makeFormatters('en');

const meter: Meter = {
  id: 'm1',
  ownerId: 'o1',
  supplyPointId: 's1',
  number: '12345678',
  type: 'electricity-dual',
  registers: ['VT', 'NT'],
  installedOn: '2020-03-01',
  removedOn: null,
  verificationDueOn: '2026-03-01',
  note: null,
  version: 3,
  createdAt: '2020-03-01T10:00:00Z',
  updatedAt: '2020-03-01T10:00:00Z',
};

const reading = (register: string, readOn: string, value: string): Reading => ({
  id: `${register}-${readOn}`,
  meterId: 'm1',
  readOn,
  register,
  value,
  source: 'distributor',
  previousReadOn: null,
  consumption: null,
  createdAt: `${readOn}T10:00:00Z`,
  createdBy: null,
});

const problem = (path: string, code: string) =>
  new ApiError({
    status: 400,
    code: 'validation',
    detail: '',
    errors: [{ path, code, message: `${path}: ${code}` }],
  });

describe('verification state', () => {
  it('warns within 60 days and when overdue, counting whole days', () => {
    expect(daysBetween('2025-12-31', '2026-01-02')).toBe(2);
    expect(verificationState({ verificationDueOn: '2026-03-01', removedOn: null }, '2026-01-15')).toEqual({
      state: 'soon',
      days: 45,
    });
    expect(verificationState({ verificationDueOn: '2026-03-01', removedOn: null }, '2026-03-01')).toEqual({
      state: 'soon',
      days: 0,
    });
    expect(verificationState({ verificationDueOn: '2026-03-01', removedOn: null }, '2026-03-04')).toEqual({
      state: 'overdue',
      days: 3,
    });
    // 60 days ahead still warns, as the reminder job does (due on or before today + 60 days).
    expect(verificationState({ verificationDueOn: '2026-03-01', removedOn: null }, '2025-12-31')).toEqual({
      state: 'soon',
      days: 60,
    });
    expect(verificationState({ verificationDueOn: '2026-03-02', removedOn: null }, '2025-12-31').state).toBe(
      'ok',
    );
  });

  it('has nothing due for a meter without a date or already removed', () => {
    expect(verificationState({ verificationDueOn: null, removedOn: null }, '2026-01-01')).toEqual({
      state: 'none',
    });
    expect(
      verificationState({ verificationDueOn: '2025-01-01', removedOn: '2025-06-01' }, '2026-01-01'),
    ).toEqual({
      state: 'none',
    });
  });

  it('takes today in the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('reminder subject', () => {
  const reminder = {
    subjectType: 'meter',
    subjectId: 'm-1',
    supplyPointId: 'sp-1',
    supplyPointIdentifier: '24ZVS0000000001X',
    meterNumber: 'EM-42',
    contractId: null,
    contractNumber: null,
  };

  it('links to the meter on its supply point’s card, with its number and the identifier', () => {
    expect(reminderSubject(reminder)).toEqual({
      meterNumber: 'EM-42',
      identifier: '24ZVS0000000001X',
      href: '/supply-points/sp-1?tab=meters&meter=m-1',
      missing: false,
    });
  });

  it('shows nothing of a subject outside the user’s rights or of another kind', () => {
    const gone = { meterNumber: null, identifier: null, href: null, missing: true };
    expect(
      reminderSubject({ ...reminder, supplyPointId: null, supplyPointIdentifier: null, meterNumber: null }),
    ).toEqual(gone);
    expect(reminderSubject({ ...reminder, subjectType: 'contract' })).toEqual(gone);
    expect(reminderSubject({ ...reminder, subjectType: 'offer', contractId: 'c-1', contractNumber: 'KW-2026-00001' })).toEqual(gone);
  });

  it('links a contract reminder to the contract, with its number', () => {
    const contract = { ...reminder, subjectType: 'contract', subjectId: 'c-1', supplyPointId: null, supplyPointIdentifier: null, meterNumber: null, contractId: 'c-1', contractNumber: 'KW-2026-00001' };
    expect(reminderSubject(contract)).toEqual({ meterNumber: null, identifier: 'KW-2026-00001', href: '/contracts/c-1', missing: false });
  });
});

describe('meter form', () => {
  it('normalises registers: capitals, no spaces, each once', () => {
    expect(normaliseRegisters(['vt', ' n t ', 'VT', ''])).toEqual(['VT', 'NT']);
  });

  it('suggests registers by type and offers the types of the commodity', () => {
    expect(defaultRegisters('electricity-dual')).toEqual(['VT', 'NT']);
    expect(defaultRegisters('gas-diaphragm')).toEqual(['T1']);
    expect(defaultRegisters(null)).toEqual([]);
    const options = [{ value: 'electricity-single' }, { value: 'gas-diaphragm' }, { value: 'custom' }];
    expect(meterTypesFor(options, 'gas').map((o) => o.value)).toEqual(['gas-diaphragm', 'custom']);
  });

  it('round-trips a meter and sends empty dates as null', () => {
    expect(meterValuesToInput(meterToValues(meter))).toEqual({
      number: '12345678',
      type: 'electricity-dual',
      registers: ['VT', 'NT'],
      installedOn: '2020-03-01',
      removedOn: null,
      verificationDueOn: '2026-03-01',
      note: null,
    });
  });

  it('checks the rules the API checks', () => {
    const errors = validateMeter(t)({
      ...emptyMeterValues('2026-01-01'),
      removedOn: '2025-12-01',
      registers: ['V-T'],
    });
    expect(errors).toEqual({
      number: 'Required.',
      type: 'Required.',
      registers: 'A register is a short code of capital letters and digits, e.g. VT, NT, T1.',
      removedOn: 'Must not be before the installation date.',
    });
  });

  it('maps the server problems onto fields, registers.N onto the registers', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation',
      detail: '',
      errors: [
        { path: 'registers.1', code: 'invalid_format', message: '' },
        { path: 'removedOn', code: 'readings_after', message: '' },
        { path: 'other', code: 'x', message: 'x' },
      ],
    });
    const { fields, unmapped } = meterProblems(t, error);
    expect(fields).toEqual({
      registers: 'Wrong format.',
      removedOn: 'The meter has readings after this date.',
    });
    expect(unmapped.map((p) => p.path)).toEqual(['other']);
  });
});

describe('reading form', () => {
  const readings = [
    reading('VT', '2025-06-30', '15234.5'),
    reading('NT', '2025-06-30', '800'),
    reading('VT', '2024-12-31', '14000'),
  ];
  const context = (candidate: { readOn: string; register: string; value: string }) => ({
    candidate: { ...candidate, source: 'customer' as const },
    readings,
    meter,
    format,
  });

  it('sends the value as the API reads it', () => {
    expect(
      readingValuesToInput(
        { readOn: '2025-07-01', register: 'VT', value: '15 300,25', source: 'customer' },
        ',',
      ),
    ).toEqual({
      readOn: '2025-07-01',
      register: 'VT',
      value: '15300.25',
      source: 'customer',
    });
    expect(
      validateReading(t, ',')({ readOn: '', register: null, value: '12,3456', source: 'customer' }),
    ).toEqual({
      readOn: 'Required.',
      register: 'Required.',
      value: 'Enter the meter reading, e.g. 15234.5 (at most 3 decimals).',
    });
  });

  it('names the previous reading a lower value conflicts with', () => {
    const { fields, unmapped } = readingProblems(
      t,
      problem('value', 'below_previous'),
      context({ readOn: '2025-09-30', register: 'VT', value: '15000' }),
    );
    expect(fields.value).toBe(
      'Lower than the previous reading of VT on 30 Jun 2025 (15,234.5). A meter only counts up; a new meter is added as a new meter.',
    );
    expect(unmapped).toEqual([]);
  });

  it('names the later reading a higher value conflicts with', () => {
    const { fields } = readingProblems(
      t,
      problem('value', 'above_next'),
      context({ readOn: '2025-03-31', register: 'VT', value: '16000' }),
    );
    expect(fields.value).toBe('Higher than the later reading of VT on 30 Jun 2025 (15,234.5).');
  });

  it('explains dates and registers with the meter’s own facts', () => {
    const candidate = { readOn: '2019-01-01', register: 'T1', value: '1' };
    const error = new ApiError({
      status: 400,
      code: 'validation',
      detail: '',
      errors: [
        { path: 'register', code: 'unknown_register', message: '' },
        { path: 'readOn', code: 'before_installed', message: '' },
        { path: 'readOn', code: 'in_future', message: '' },
      ],
    });
    const { fields } = readingProblems(t, error, context(candidate));
    expect(fields.register).toBe('The meter has no register T1; it has VT and NT.');
    expect(fields.readOn).toBe(
      'Before the meter was installed (1 Mar 2020). The date is in the future; a reading can be entered once it is taken.',
    );
  });

  it('falls back to the general rule messages and keeps unknown paths for the alert', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation',
      detail: '',
      errors: [
        { path: 'readOn', code: 'duplicate', message: '' },
        { path: 'value', code: 'invalid_format', message: '' },
        { path: 'meter', code: 'something', message: 'meter: something' },
      ],
    });
    const { fields, unmapped } = readingProblems(
      t,
      error,
      context({ readOn: '2025-06-30', register: 'NT', value: '900' }),
    );
    expect(fields).toEqual({
      readOn: 'Register NT already has a reading on 30 Jun 2025.',
      value: 'Wrong format.',
    });
    expect(unmapped.map((p) => p.code)).toEqual(['something']);
  });

  it('ignores failures that are not problem+json', () => {
    expect(
      readingProblems(t, new Error('x'), context({ readOn: '2025-06-30', register: 'NT', value: '1' })),
    ).toEqual({
      fields: {},
      unmapped: [],
    });
  });
});
