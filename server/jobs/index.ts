import type { Mailer } from '../integrations/smtp/client.js';
import { emailSendJob, sendQueuedEmail } from '../modules/activities/activities.service.js';
import { removeExpiredSessions } from '../modules/auth/auth.service.js';
import { createContractReminders, type ContractReminderDays } from '../modules/contracts/contracts.reminders.js';
import { runSupplyPointImport, supplyPointImportJob } from '../modules/imports/imports.service.js';
import { leadImportJob, runLeadImport } from '../modules/leads/leads.import.js';
import { createVerificationReminders } from '../modules/meters/meters.service.js';
import { lapseExpiredOffers } from '../modules/offers/offers.service.js';
import type { JobHandler, Schedule } from './runner.js';

export type JobOptions = {
  /** KILOWATT_VERIFICATION_REMINDER_DAYS: how many days ahead a meter verification creates a reminder. */
  verificationReminderDays: number;
  /** KILOWATT_CONTRACT_END_REMINDER_DAYS / KILOWATT_CONTRACT_NOTICE_REMINDER_DAYS: days ahead of a contract's end and notice deadline. */
  contractReminderDays: ContractReminderDays;
  /** Outgoing e-mail (SMTP_URL, or the demo's fake server); without it `email.send` jobs fail and are retried. */
  mailer?: Mailer | undefined;
};

/** Every job the app knows, by name, with the settings main.ts reads from the configuration. Later modules add theirs here. */
export const createJobHandlers = (options: JobOptions): Record<string, JobHandler> => ({
  'auth.remove-expired-sessions': (ctx) => removeExpiredSessions(ctx),
  'meters.verification-reminders': (ctx) =>
    createVerificationReminders(ctx, options.verificationReminderDays),
  'contracts.reminders': (ctx) => createContractReminders(ctx, options.contractReminderDays),
  'offers.lapse': async (ctx) => {
    await lapseExpiredOffers(ctx);
  },
  [supplyPointImportJob]: (ctx, payload) => runSupplyPointImport(ctx, payload),
  [leadImportJob]: (ctx, payload) => runLeadImport(ctx, payload),
  [emailSendJob]: (ctx, payload) => sendQueuedEmail(ctx, payload, options.mailer),
});

/** The handlers with the configuration's defaults (tests). */
export const jobHandlers: Record<string, JobHandler> = createJobHandlers({ verificationReminderDays: 60, contractReminderDays: { end: 90, noticeDeadline: 30 } });

export const jobSchedulesToEnsure: Schedule[] = [
  { name: 'auth.remove-expired-sessions', everySeconds: 3600 },
  { name: 'meters.verification-reminders', everySeconds: 86400 },
  { name: 'contracts.reminders', everySeconds: 86400 },
  { name: 'offers.lapse', everySeconds: 86400 },
];
