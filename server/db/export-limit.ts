import { AppError } from '../http/errors.js';

/** Most rows one export returns; a larger list is narrowed with filters first. Read one more to know. */
export const exportLimit = 100_000;

/** The rows of an export read with `.limit(exportLimit + 1)`: more than the limit is refused, never cut short. */
export const withinExportLimit = <T>(rows: T[]): T[] => {
  if (rows.length > exportLimit) {
    throw new AppError('validation', `The list has more than ${exportLimit} rows; narrow it with filters`, {
      errors: [{ path: 'q', code: 'too_big', message: `more than ${exportLimit} rows to export; narrow the list with filters` }],
    });
  }
  return rows;
};
