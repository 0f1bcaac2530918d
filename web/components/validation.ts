import type { FormErrors } from './form-types.js';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError, type FieldProblem } from '../api/client.js';
import { ruleMessage } from './errors.js';

/**
 * The rule code of a zod issue, as the server reports it in `errors[].code`: zod's own codes, the
 * domain's `params.rule` on custom checks, and `required` for an empty required text.
 */
export const ruleCode = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'custom') {
    const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
    return typeof rule === 'string' ? rule : 'invalid_value';
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return 'required';
  return issue.code;
};

/** A Mantine form `validate` function from a zod schema, with messages from `validation.<code>`. */
export const zodValidate =
  <T>(schema: z.ZodType<unknown>, t: TFunction) =>
  (values: T): FormErrors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!(path in errors)) errors[path] = ruleMessage(t, ruleCode(issue));
    }
    return errors;
  };

/**
 * Where a form shows the server's field problems: the paths its inputs have (`address.city` included), or the
 * input a path belongs to (null or undefined: no input of the form shows it).
 */
export type FieldsOf = readonly string[] | ((path: string) => string | null | undefined);

const fieldOf = (fields: FieldsOf, path: string): string | null | undefined =>
  typeof fields === 'function' ? fields(path) : fields.includes(path) ? path : null;

/**
 * Puts the server's 400 field problems onto the form's fields (each in the words of `message`, the shared
 * `validation.<code>` when not given) and returns the problems no field of this form shows, for the form's alert.
 */
export const applyFieldProblems = (
  t: TFunction,
  error: unknown,
  fields: FieldsOf,
  setFieldError: (path: string, message: string) => void,
  message: (problem: FieldProblem) => string = (problem) => ruleMessage(t, problem.code),
): FieldProblem[] => {
  if (!isApiError(error)) return [];
  const unmapped: FieldProblem[] = [];
  for (const problem of error.errors) {
    const field = fieldOf(fields, problem.path);
    if (field) setFieldError(field, message(problem));
    else unmapped.push(problem);
  }
  return unmapped;
};

/** '' → null for optional text fields, so clearing a field clears it on the server. */
export const emptyToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};
