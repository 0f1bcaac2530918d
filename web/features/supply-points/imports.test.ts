import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { UploadAnswer } from './imports-api.js';
import {
  errorKind,
  importedSupplyPointsUrl,
  importFailureMessage,
  importFailureRows,
  initialMapping,
  mappingProblems,
  rowErrorField,
  rowErrorMessage,
  type Mapping,
} from './imports.js';
import { englishT } from './test-i18n.js';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const fields: UploadAnswer['fields'] = [
  { field: 'clientCompanyId', required: true },
  { field: 'commodity', required: true },
  { field: 'identifier', required: true },
  { field: 'city', required: false },
  { field: 'note', required: false },
];
const headers = ['IČO', 'Komodita', 'EIC', 'Obec', 'Poznámka'];

describe('column mapping', () => {
  it.each<[string, UploadAnswer['suggestedMapping'], Partial<Mapping>]>([
    [
      'a header the file does not have',
      { clientCompanyId: 'IČO', commodity: 'Komodita', identifier: 'EIC', city: 'Mesto', note: null },
      { clientCompanyId: 'IČO', commodity: 'Komodita', identifier: 'EIC', city: null, note: null },
    ],
    [
      'fields without a suggestion',
      { identifier: 'EIC', note: 'EIC' },
      { clientCompanyId: null, commodity: null, identifier: 'EIC', city: null, note: 'EIC' },
    ],
  ])('starts from the suggestion, only with headers the file has: %s', (_, suggested, mapping) => {
    expect(initialMapping(fields, suggested, headers)).toEqual(mapping);
  });

  it('reads the mapping problems of a refused check', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation',
      detail: '',
      errors: [
        { path: 'mapping.identifier', code: 'unknown_header', message: '' },
        { path: 'mapping.commodity', code: 'required', message: '' },
      ],
    });
    expect(mappingProblems(error)).toEqual({ identifier: 'unknown_header', commodity: 'required' });
  });
});

describe('row errors', () => {
  it('marks duplicates', () => {
    expect(errorKind({ code: 'duplicate' })).toBe('duplicate');
    expect(errorKind({ code: 'duplicate_in_file' })).toBe('duplicate_in_file');
    expect(errorKind({ code: 'checksum' })).toBe('other');
  });

  it('translates known rules, else shows the server’s message', () => {
    const base = { row: 4, path: 'identifier', message: 'identifier 24ZZS is also in rows 7, 9' };
    expect(rowErrorMessage(t, { ...base, code: 'duplicate_in_file', rows: [7, 9] })).toBe(
      'The same identifier is also in row(s) 7, 9.',
    );
    expect(rowErrorMessage(t, { ...base, code: 'checksum' })).toBe(
      'The check digit does not match. Check for a typo.',
    );
    expect(rowErrorMessage(t, { ...base, code: 'brand_new_rule', message: 'as the server says' })).toBe(
      'as the server says',
    );
    expect(rowErrorField(t, { path: 'clientCompanyId' })).toBe('Client’s company ID (IČO)');
    expect(rowErrorField(t, { path: 'gasCalorificValue' })).toBe('Calorific value Hs');
    expect(rowErrorField(t, { path: 'mystery' })).toBe('mystery');
  });
});

describe('a failed import', () => {
  it('is explained by its code in the user’s language, never by the server’s English', () => {
    const rowsChanged = {
      code: 'import.invalid_rows',
      detail: '2 rows are no longer valid (row 3: identifier …); validate again',
      errors: [
        {
          path: 'rows.3.identifier',
          code: 'duplicate',
          message: 'row 3: identifier 24ZVS… is already used by supply point 1f…',
        },
        { path: 'rows.7.consumptionUnit', code: 'unit_not_allowed', message: 'row 7: consumptionUnit: m3' },
        { path: 'file', code: 'whatever', message: 'not about a row' },
      ],
    };
    expect(importFailureMessage(t, rowsChanged, { invalid: 2 })).toBe(
      '2 rows are no longer valid: the data changed since the check.',
    );
    expect(importFailureMessage(t, rowsChanged, { invalid: 1 })).toBe(
      '1 row is no longer valid: the data changed since the check.',
    );
    expect(importFailureRows(t, rowsChanged)).toEqual([
      'Row 3, EIC/EAN code: A supply point with this identifier already exists. Duplicates are never merged.',
      `Row 7, Unit: ${rowErrorMessage(t, { row: 7, path: 'consumptionUnit', code: 'unit_not_allowed', message: '' })}`,
    ]);
  });

  it.each([
    [
      'supply_point.duplicate_identifier',
      'Meanwhile someone created a supply point with an identifier of this file.',
    ],
    ['auth.forbidden', 'Your role may no longer create supply points.'],
    ['internal', 'An unexpected error occurred on the server; it has been logged.'],
  ])('says what %s means for the import', (code, text) => {
    expect(importFailureMessage(t, { code }, { invalid: 0 })).toContain(text);
    expect(
      importFailureRows(t, { errors: [{ path: 'identifier', code: 'duplicate', message: 'x' }] }),
    ).toEqual([]);
  });

  it('falls back to the general message of the code, then to an unknown error', () => {
    expect(importFailureMessage(t, { code: 'version_conflict' }, { invalid: 0 })).toBe(
      t('errors.version_conflict'),
    );
    expect(importFailureMessage(t, { code: 'brand_new_failure' }, { invalid: 0 })).toBe(t('errors.unknown'));
  });
});

describe('after the import', () => {
  it('opens the list filtered by the import', () => {
    expect(importedSupplyPointsUrl('0b8f3a52-6a53-4c4e-9f0e-2d6f0b3c9a11')).toBe(
      '/supply-points?importId=0b8f3a52-6a53-4c4e-9f0e-2d6f0b3c9a11',
    );
  });
});
