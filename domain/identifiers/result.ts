/**
 * Why an identifier was rejected (or, for warning-only rules, flagged). The set is shared by all
 * validators so callers can map a reason to one message regardless of the identifier type.
 */
export type IdentifierReason = 'length' | 'charset' | 'checksum' | 'component' | 'required';

/** Outcome of a check; `value` is the normalised form that should be stored. */
export type IdentifierCheck =
  { ok: true; value: string; warning?: IdentifierReason } | { ok: false; reason: IdentifierReason };

// Constructors keep the optional `warning` key absent (not `undefined`) so results compare cleanly.
export const valid = (value: string, warning?: IdentifierReason): IdentifierCheck =>
  warning ? { ok: true, value, warning } : { ok: true, value };

export const invalid = (reason: IdentifierReason): IdentifierCheck => ({ ok: false, reason });
