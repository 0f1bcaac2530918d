export type FieldProblem = { path: string; code: string; message: string };

/**
 * Every failure a service reports. `code` is stable: the web maps it to `errors.<code>` in i18n and
 * integrators may branch on it; the HTTP status follows from the code through `statusOf`.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export const statusByCode = {
  /** Input failed validation; `errors` names each field and rule. */
  validation: 400,
  invalid_json: 400,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  /** A cookie-authenticated state change without `X-Requested-With: kilowatt`. */
  'auth.csrf_header_missing': 403,
  'auth.too_many_attempts': 429,
  /** Not found, or outside the caller's rights: the two are never distinguished. */
  not_found: 404,
  /** The row changed since the caller read it (optimistic locking). */
  version_conflict: 409,
  /** A unique constraint the service did not name more precisely. */
  duplicate: 409,
  'client.duplicate_company_id': 409,
  'user.duplicate_email': 409,
  'client.archived': 409,
  'supply_point.duplicate_identifier': 409,
  /** Meters, readings and forecasts of an archived supply point are not changed. */
  'supply_point.archived': 409,
  /** An import with invalid rows cannot be committed; fix the file or the mapping and validate again. */
  'import.invalid_rows': 409,
  /** The import is not in a state that allows this step (not validated yet, running, or done). */
  'import.wrong_status': 409,
  /** A lead import has duplicate rows without a decision (merge, skip or keep); decide them and commit again. */
  'import.undecided_duplicates': 409,
  /** A converted lead is history: it is not changed, merged or converted again. */
  'lead.converted': 409,
  /** An archived (or merged) lead is not changed; restore it first. */
  'lead.archived': 409,
  /** The lead's status does not allow this step (e.g. converting a disqualified lead). */
  'lead.wrong_status': 409,
  /** Participants' shares of a case do not add up to exactly 100 % (COMM-2); `errors` names `participants` and the sum. */
  'case.shares_not_100': 400,
  /** The target stage requires fields the case has not filled; `errors` lists each (code `required_by_stage`). */
  'case.gate_unmet': 400,
  /** A closed case is not changed, moved or acted on. */
  'case.closed': 409,
  /** An archived case is not changed. */
  'case.archived': 409,
  /** The offer version's state does not allow this step (e.g. sending one that was not approved); the message names both. */
  'offer.wrong_state': 409,
  /** An accepted or superseded offer version is read-only; change the latest version instead. */
  'offer.read_only': 409,
  /** The offer is past its validity (valid until); it is not sent or accepted any more, make a new version. */
  'offer.expired': 409,
  /** A stage removed from a process still has cases in it. */
  'process.stage_in_use': 409,
  /** An activity due before it starts; `errors` names `dueAt` (code `due_before_start`). */
  'activity.due_before_start': 400,
  /** Only an open activity is completed or cancelled. */
  'activity.not_open': 409,
  /** An archived activity is not changed. */
  'activity.archived': 409,
  /** An event that ends before it starts; `errors` names `endAt` (code `end_before_start`). */
  'event.end_before_start': 400,
  /** A meeting's event follows its activity: change or archive the activity instead. */
  'event.managed_by_activity': 409,
  /** An archived event is not changed. */
  'event.archived': 409,
  /** A replaced (or archived) price-list version is read-only; change the current version instead. */
  'price_list.read_only': 409,
  /** Another contract of the owner company has this number. */
  'contract.duplicate_number': 409,
  /** An archived contract is not changed. */
  'contract.archived': 409,
  /** Once out for signature, only the register's fields (end, notice period, note) change; `errors` lists the rest. */
  'contract.terms_locked': 409,
  /** The contract's state does not allow this step (e.g. terminating one that was never signed). */
  'contract.wrong_state': 409,
  /** Electronic signature (CONTRACT-2) is not set up on this server: no Signi key, webhook secret or address. */
  'signature.not_configured': 503,
  /** Signi refused the call or could not be reached; the message says why and nothing was recorded. */
  'signature.provider_failed': 502,
  /** The record already has a signature request out (sent or viewed); wait for its result. */
  'signature.already_requested': 409,
  /** A webhook whose address or body does not verify (forged, altered, another document); nothing changed. */
  'webhook.invalid_signature': 401,
  /** A webhook address past its expiry (an old or replayed delivery); nothing changed. */
  'webhook.expired': 401,
  /** A data sentence row cannot be written in the partner's layout (unmapped code, bad date); `errors` names contract, column and rule; nothing was kept. */
  'data_sentence.unwritable_rows': 400,
  /** An inactive data sentence layout is not exported; activate it first. */
  'data_sentence.layout_inactive': 409,
  /** An archived commission rule is not changed. */
  'commission_rule.archived': 409,
  /** Commissions were computed from the rule: only its name and end change; `errors` lists the rest. */
  'commission_rule.in_use': 409,
  /** The person's statement for that month is approved (and locked) already. */
  'commission_statement.approved': 409,
  /** A later month of the person is approved; an earlier month is closed with it. */
  'commission_statement.out_of_order': 409,
  /** Nothing is due to the person by the end of the month; there is nothing to approve. */
  'commission_statement.empty': 409,
  /** Payouts came or went since the approver looked; the statement is reviewed again. */
  'commission_statement.changed': 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

export const statusOf = (code: AppErrorCode): number => statusByCode[code];

/** A code read back from storage is one of today's codes (a stored failure may outlive a renamed code). */
export const isAppErrorCode = (code: string): code is AppErrorCode => Object.hasOwn(statusByCode, code);

export const notFound = (what = 'Record'): AppError => new AppError('not_found', `${what} not found`);

export const forbidden = (): AppError => new AppError('auth.forbidden', 'Your role may not do this');

/** A 400 naming every field and the rule it breaks; the detail lists them as `path: message`. */
export const invalidFields = (errors: FieldProblem[]): AppError =>
  new AppError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });

export const invalidField = (path: string, code: string, message: string): AppError => invalidFields([{ path, code, message }]);
