import type { TFunction } from 'i18next';
import type { FormErrors } from '../../components/form-types.js';
import { emptyToNull } from '../../components/validation.js';
import type { Activity, ActivityInput, ActivityKind, Link } from './api.js';

/** The links a new activity starts with, e.g. on a case card. */
export type ActivityLinks = { client?: Link | null; case?: Link | null; lead?: Link | null };

export type ActivityFormValues = {
  kind: ActivityKind;
  subject: string;
  description: string;
  location: string;
  /** `datetime-local` values, in the browser's time zone. */
  startAt: string;
  dueAt: string;
  responsibleUserId: string;
  client: Link | null;
  case: Link | null;
  lead: Link | null;
  departmentEmail: string;
};

export const activityFormFields = [
  'kind',
  'subject',
  'description',
  'location',
  'startAt',
  'dueAt',
  'responsibleUserId',
  'clientId',
  'caseId',
  'leadId',
  'departmentEmail',
] as const;

/** A `datetime-local` value (YYYY-MM-DDTHH:mm) of an instant in the browser's time zone. */
export const toLocalInput = (instant: Date | string): string => {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
};

/** The instant of a `datetime-local` value read in the browser's time zone, as ISO 8601 with Z; null if empty. */
export const fromLocalInput = (value: string): string | null => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** A new activity: from the next full hour, due an hour later, for the signed-in user. */
export const emptyActivityValues = (userId: string, links: ActivityLinks = {}, now = new Date()): ActivityFormValues => {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  return {
    kind: 'task',
    subject: '',
    description: '',
    location: '',
    startAt: toLocalInput(start),
    dueAt: toLocalInput(new Date(start.getTime() + 3_600_000)),
    responsibleUserId: userId,
    client: links.client ?? null,
    case: links.case ?? null,
    lead: links.lead ?? null,
    departmentEmail: '',
  };
};

export const activityToValues = (activity: Activity, names: ActivityLinks = {}): ActivityFormValues => ({
  kind: activity.kind,
  subject: activity.subject,
  description: activity.description ?? '',
  location: activity.location ?? '',
  startAt: toLocalInput(activity.startAt),
  dueAt: toLocalInput(activity.dueAt),
  responsibleUserId: activity.responsibleUserId ?? '',
  client: activity.clientId ? { id: activity.clientId, name: names.client?.name ?? null } : null,
  case: activity.caseId ? { id: activity.caseId, name: names.case?.name ?? null } : null,
  lead: activity.leadId ? { id: activity.leadId, name: names.lead?.name ?? null } : null,
  departmentEmail: activity.departmentEmail ?? '',
});

export const valuesToInput = (values: ActivityFormValues): ActivityInput => ({
  kind: values.kind,
  subject: values.subject.trim(),
  description: emptyToNull(values.description),
  location: emptyToNull(values.location),
  startAt: fromLocalInput(values.startAt) ?? '',
  dueAt: fromLocalInput(values.dueAt) ?? '',
  responsibleUserId: values.responsibleUserId || null,
  clientId: values.client?.id ?? null,
  caseId: values.case?.id ?? null,
  leadId: values.lead?.id ?? null,
  departmentEmail: emptyToNull(values.departmentEmail),
});

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The rules the server applies, checked before sending so the user sees them at once. */
export const validateActivity =
  (t: TFunction) =>
  (values: ActivityFormValues): FormErrors => {
    const errors: FormErrors = {};
    if (!values.subject.trim()) errors.subject = t('validation.required');
    else if (values.subject.trim().length > 200) errors.subject = t('validation.too_big');
    const start = fromLocalInput(values.startAt);
    const due = fromLocalInput(values.dueAt);
    if (!start) errors.startAt = t('validation.required');
    if (!due) errors.dueAt = t('validation.required');
    if (start && due && due < start) errors.dueAt = t('activities.validation.due_before_start');
    if (values.departmentEmail.trim() && !emailPattern.test(values.departmentEmail.trim()))
      errors.departmentEmail = t('validation.invalid_format');
    return errors;
  };
