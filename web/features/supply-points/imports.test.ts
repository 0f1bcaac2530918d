import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { UploadAnswer } from './imports-api.js';
import {
  columnSamples,
  errorKind,
  fileProblemBeforeUpload,
  fileProblemOf,
  importedSupplyPointsUrl,
  importFailureMessage,
  importFailureRows,
  initialMapping,
  mappingProblems,
  mappingToBody,
  missingRequired,
  progressPercent,
  reusedHeaders,
  rowErrorField,
  rowErrorMessage,
  uploadLimitBytes,
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
  it('starts from the suggestion, only with headers the file has', () => {
    const mapping = initialMapping(
      fields,
      { clientCompanyId: 'IČO', commodity: 'Komodita', identifier: 'EIC', city: 'Mesto', note: null },
      headers,
    );
    expect(mapping).toEqual({
      clientCompanyId: 'IČO',
      commodity: 'Komodita',
      identifier: 'EIC',
      city: null,
      note: null,
    });
    expect(mappingToBody(mapping)).toEqual({
      clientCompanyId: 'IČO',
      commodity: 'Komodita',
      identifier: 'EIC',
    });
    expect(missingRequired(fields, mapping)).toEqual([]);
  });

  it('names required fields without a column and columns used twice', () => {
    const mapping = initialMapping(fields, { identifier: 'EIC', note: 'EIC' }, headers);
    expect(missingRequired(fields, mapping)).toEqual(['clientCompanyId', 'commodity']);
    expect([...reusedHeaders(mapping)]).toEqual(['EIC']);
  });

  it('shows a column’s first non-empty sample values', () => {
    const rows = [
      ['1', 'plyn', 'X1', ''],
      ['2', 'elektrina', 'X2', 'Senec'],
      ['3', 'plyn', 'X3', 'Pezinok'],
    ];
    expect(columnSamples(headers, rows, 'Obec')).toEqual(['Senec', 'Pezinok']);
    expect(columnSamples(headers, rows, 'EIC', 2)).toEqual(['X1', 'X2']);
    expect(columnSamples(headers, rows, null)).toEqual([]);
    expect(columnSamples(headers, rows, 'missing')).toEqual([]);
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

describe('file problems', () => {
  it('refuses empty and too large files before sending them', () => {
    expect(fileProblemBeforeUpload({ size: 0 })).toBe('empty');
    expect(fileProblemBeforeUpload({ size: uploadLimitBytes + 1 })).toBe('payload_too_large');
    expect(fileProblemBeforeUpload({ size: 1000 })).toBeNull();
  });

  it('recognises the server’s reasons for refusing a file', () => {
    const field = (code: string) =>
      new ApiError({
        status: 400,
        code: 'validation',
        detail: '',
        errors: [{ path: 'file', code, message: '' }],
      });
    expect(fileProblemOf(field('not_a_spreadsheet'))).toBe('not_a_spreadsheet');
    expect(fileProblemOf(field('empty'))).toBe('empty');
    expect(fileProblemOf(new ApiError({ status: 413, code: 'payload_too_large', detail: '' }))).toBe(
      'payload_too_large',
    );
    expect(fileProblemOf(new ApiError({ status: 413, code: 'http_413', detail: '' }))).toBe(
      'payload_too_large',
    );
    expect(fileProblemOf(new ApiError({ status: 0, code: 'network', detail: '' }))).toBeNull();
    expect(fileProblemOf(field('something_else'))).toBeNull();
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

describe('import progress', () => {
  it('fills up to 90 % while checking, 95 % while writing, 100 % when done', () => {
    expect(progressPercent({ status: 'running', phase: 'preparing', processed: 500, total: 1000 })).toBe(45);
    expect(progressPercent({ status: 'running', phase: 'preparing', processed: 0, total: 0 })).toBe(0);
    expect(progressPercent({ status: 'running', phase: 'writing', processed: 1000, total: 1000 })).toBe(95);
    expect(progressPercent({ status: 'done', phase: null, processed: 1000, total: 1000 })).toBe(100);
    expect(progressPercent({ status: 'failed', phase: null, processed: 10, total: 1000 })).toBe(0);
  });
});

describe('a failed import', () => {
  it('is explained by its code in the user’s language, never by the server’s English', () => {
    const rowsChanged = {
      code: 'import.invalid_rows',
      detail: '2 rows are no longer valid (row 3: identifier …); validate again',
      errors: [
        { path: 'rows.3.identifier', code: 'duplicate', message: 'row 3: identifier 24ZVS… is already used by supply point 1f…' },
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
    ['supply_point.duplicate_identifier', 'Meanwhile someone created a supply point with an identifier of this file.'],
    ['auth.forbidden', 'Your role may no longer create supply points.'],
    ['internal', 'An unexpected error occurred on the server; it has been logged.'],
  ])('says what %s means for the import', (code, text) => {
    expect(importFailureMessage(t, { code }, { invalid: 0 })).toContain(text);
    expect(importFailureRows(t, { errors: [{ path: 'identifier', code: 'duplicate', message: 'x' }] })).toEqual([]);
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
