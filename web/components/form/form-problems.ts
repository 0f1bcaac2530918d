import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/client.js';
import { applyFieldProblems, type FieldsOf } from '../validation.js';

/** What of a Mantine form (`useForm`) its problems touch. */
export type ProblemForm<Values> = {
  setFieldError: (path: string, error: ReactNode) => void;
  setValues: (values: Values) => void;
  resetDirty: (values?: Values) => void;
  clearErrors: () => void;
};

/** What the form's alert (FormAlert) shows: the failed save's error and the field problems no input shows. */
export type FormFailure = { failure: unknown; unmapped: FieldProblem[] };

const noFailure: FormFailure = { failure: null, unmapped: [] };

/** What a form does with a failed save, writing what its alert shows through `setAlert`. */
export const formProblemActions = <Values>(
  t: TFunction,
  form: ProblemForm<Values>,
  fields: FieldsOf,
  setAlert: (alert: FormFailure) => void,
  message?: (problem: FieldProblem) => string,
) => {
  const showAlert = (error: unknown, unmapped: FieldProblem[] = []) => setAlert({ failure: error, unmapped });
  return {
    /** The server's problem+json: field problems under their inputs, the error and the rest in the alert. */
    show: (error: unknown) =>
      showAlert(error, applyFieldProblems(t, error, fields, form.setFieldError, message)),
    /** For a form that put the field problems on its inputs itself: the alert shows `error` (if any) and `unmapped`. */
    showAlert,
    /** No alert: a new attempt, or a problem its input shows alone. */
    clear: () => setAlert(noFailure),
    /** After a version conflict: the record as stored now replaces the form; the user's changes and problems go. */
    reloaded: (values: Values) => {
      form.setValues(values);
      form.resetDirty(values);
      form.clearErrors();
      setAlert(noFailure);
    },
  };
};

/**
 * A form's save problems: `failure` and `unmapped` for its FormAlert, `show` as the save's `onError`, `clear` before
 * a new attempt, `reloaded` for the "reload the latest" of a version conflict. `fields` are the inputs that show
 * the server's field problems (none: the form sorts them itself and calls `showAlert`); `message` words them when
 * the shared `validation.<code>` does not.
 */
export const useFormProblems = <Values>(
  form: ProblemForm<Values>,
  fields: FieldsOf = [],
  message?: (problem: FieldProblem) => string,
) => {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<FormFailure>(noFailure);
  return { ...alert, ...formProblemActions(t, form, fields, setAlert, message) };
};
