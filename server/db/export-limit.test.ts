import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { exportLimit, withinExportLimit } from './export-limit.js';

describe('the export limit', () => {
  it.each([0, 1, exportLimit])('passes %i rows through unchanged', (count) => {
    const rows = Array.from({ length: count }, (_, i) => i);
    expect(withinExportLimit(rows)).toBe(rows);
  });

  it('refuses one row more than the limit, naming the filter to narrow, rather than cutting the file short', () => {
    const rows = Array.from({ length: exportLimit + 1 }, (_, i) => i);
    const error = (() => {
      try {
        withinExportLimit(rows);
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('validation');
    expect(error.errors).toEqual([expect.objectContaining({ path: 'q', code: 'too_big' })]);
  });
});
