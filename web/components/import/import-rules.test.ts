import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import {
  columnSamples,
  fileProblemBeforeUpload,
  fileProblemOf,
  mappingToBody,
  missingRequired,
  progressPercent,
  reusedHeaders,
  uploadLimitBytes,
  type ColumnMapping,
  type FileProblem,
  type ImportProgress,
} from './import-rules.js';

const fileRefused = (code: string) =>
  new ApiError({
    status: 400,
    code: 'validation',
    detail: '',
    errors: [{ path: 'file', code, message: '' }],
  });

describe('file problems', () => {
  it.each([
    [0, 'empty'],
    [uploadLimitBytes + 1, 'payload_too_large'],
    [1000, null],
  ] as const)('a file of %i bytes is refused before it is sent for %s', (size, problem) => {
    expect(fileProblemBeforeUpload({ size })).toBe(problem);
  });

  it.each<[string, unknown, FileProblem | null]>([
    ['not a spreadsheet', fileRefused('not_a_spreadsheet'), 'not_a_spreadsheet'],
    ['empty', fileRefused('empty'), 'empty'],
    ['too large', new ApiError({ status: 413, code: 'payload_too_large', detail: '' }), 'payload_too_large'],
    ['413 without a code', new ApiError({ status: 413, code: 'http_413', detail: '' }), 'payload_too_large'],
    ['a network failure', new ApiError({ status: 0, code: 'network', detail: '' }), null],
    ['another rule of the file', fileRefused('something_else'), null],
  ])('recognises the server’s refusal: %s', (_, error, problem) => {
    expect(fileProblemOf(error)).toBe(problem);
  });
});

type Field = 'clientCompanyId' | 'commodity' | 'identifier' | 'city' | 'note';
const fields: { field: Field; required: boolean }[] = [
  { field: 'clientCompanyId', required: true },
  { field: 'commodity', required: true },
  { field: 'identifier', required: true },
  { field: 'city', required: false },
  { field: 'note', required: false },
];
const mapped = (mapping: Partial<ColumnMapping<Field>>): ColumnMapping<Field> => ({
  clientCompanyId: null,
  commodity: null,
  identifier: null,
  city: null,
  note: null,
  ...mapping,
});

describe('column mapping', () => {
  it.each<[string, ColumnMapping<Field>, Partial<Record<Field, string>>, Field[], string[]]>([
    [
      'every required field mapped',
      mapped({ clientCompanyId: 'IČO', commodity: 'Komodita', identifier: 'EIC' }),
      { clientCompanyId: 'IČO', commodity: 'Komodita', identifier: 'EIC' },
      [],
      [],
    ],
    [
      'required fields without a column, a column used twice',
      mapped({ identifier: 'EIC', note: 'EIC' }),
      { identifier: 'EIC', note: 'EIC' },
      ['clientCompanyId', 'commodity'],
      ['EIC'],
    ],
    [
      'a required field left out',
      mapped({ commodity: 'Komodita', identifier: 'EIC', city: 'Obec' }),
      { commodity: 'Komodita', identifier: 'EIC', city: 'Obec' },
      ['clientCompanyId'],
      [],
    ],
  ])(
    '%s: sends mapped fields only, names the missing ones and the reused columns',
    (_, mapping, body, missing, reused) => {
      expect(mappingToBody(mapping)).toEqual(body);
      expect(missingRequired(fields, mapping)).toEqual(missing);
      expect([...reusedHeaders(mapping)]).toEqual(reused);
    },
  );

  const headers = ['IČO', 'Komodita', 'EIC', 'Obec', 'Poznámka'];
  const rows = [
    ['1', 'plyn', 'X1', ''],
    ['2', 'elektrina', 'X2', 'Senec'],
    ['3', 'plyn', 'X3', 'Pezinok'],
  ];
  it.each<[string | null, number | undefined, string[]]>([
    ['Obec', undefined, ['Senec', 'Pezinok']],
    ['EIC', 2, ['X1', 'X2']],
    [null, undefined, []],
    ['missing', undefined, []],
  ])('shows the first non-empty sample values of column %s (at most %s)', (header, count, samples) => {
    expect(columnSamples(headers, rows, header, count)).toEqual(samples);
  });
});

describe('import progress', () => {
  it.each<[ImportProgress, number]>([
    [{ status: 'running', phase: 'preparing', processed: 500, total: 1000 }, 45],
    [{ status: 'running', phase: 'preparing', processed: 0, total: 0 }, 0],
    [{ status: 'running', phase: 'writing', processed: 1000, total: 1000 }, 95],
    [{ status: 'done', phase: null, processed: 1000, total: 1000 }, 100],
    [{ status: 'failed', phase: null, processed: 10, total: 1000 }, 0],
  ])('fills up to 90 % while checking, 95 % while writing, 100 % when done: %j → %i', (state, percent) => {
    expect(progressPercent(state)).toBe(percent);
  });
});
