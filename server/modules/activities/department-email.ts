import { defaultTimeZone } from '../../../domain/activities/days.js';
import type { ServiceContext } from '../../context.js';
import { translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import type { MailMessage, Mailer } from '../../integrations/smtp/client.js';
import { actorUserId } from '../auth/permissions.js';
import { userNames } from '../users/users.service.js';
import type { activities } from './activities.schema.js';
import { linkNames } from './links.js';

/** The queued job that sends one e-mail through the SMTP client (payload: a `MailMessage`, optional `activityId`). */
export const emailSendJob = 'email.send';

type ActivityRow = typeof activities.$inferSelect;

const interpolate = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The e-mail that hands a task to another department (SALES-6): what is asked, for which case and client, by whom
 * and by when, in the language of the user who assigned it. Composed when the task is saved, with the names as
 * the assigning user may see them, and queued in the same transaction.
 */
export const composeDepartmentEmail = async (ctx: ServiceContext, row: ActivityRow): Promise<MailMessage> => {
  const authorId = actorUserId(ctx.actor) ?? row.responsibleUserId;
  const [author] = authorId ? await userNames(ctx, [authorId]) : [];
  const language: Language = uiLanguageOf(author?.locale);
  const caseName = row.caseId ? ((await linkNames(ctx, 'case', [row.caseId])).get(row.caseId) ?? null) : null;
  const clientName = row.clientId ? ((await linkNames(ctx, 'client', [row.clientId])).get(row.clientId) ?? null) : null;
  const t = (key: string, values: Record<string, string> = {}) => interpolate(translate(language, `activities.email.${key}`), values);
  const due = new Intl.DateTimeFormat(language === 'sk' ? 'sk-SK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: defaultTimeZone,
  }).format(row.dueAt);
  const lines: [string, string][] = [
    [t('task'), row.subject],
    ...(caseName ? [[t('case'), caseName] as [string, string]] : []),
    ...(clientName ? [[t('client'), clientName] as [string, string]] : []),
    [t('due'), due],
    ...(author ? [[t('from'), author.name] as [string, string]] : []),
  ];
  const intro = t('intro');
  const text = [intro, '', ...lines.map(([label, value]) => `${label}: ${value}`), ...(row.description ? ['', row.description] : []), '', t('footer')].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    '<table>',
    ...lines.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    ...(row.description ? [`<p>${escapeHtml(row.description).replace(/\n/g, '<br>')}</p>`] : []),
    `<p><small>${escapeHtml(t('footer'))}</small></p>`,
  ].join('\n');
  return {
    to: row.departmentEmail ?? '',
    subject: t('subject', { subject: row.subject, case: caseName ?? clientName ?? '' }).replace(/\s+[–-]\s*$/, ''),
    text,
    html,
    // The footer asks the department to reply to whoever assigned the task, not to the system's sender.
    replyTo: author?.email,
  };
};

const isMailMessage = (payload: Record<string, unknown>): payload is MailMessage & Record<string, unknown> =>
  typeof payload.to === 'string' && typeof payload.subject === 'string' && typeof payload.text === 'string';

/**
 * The `email.send` job: sends the queued message and, for a department task, records when it went out. A failed
 * send throws, so the job runner retries with back-off; a crash between sending and recording may send it twice,
 * which beats losing it.
 */
export const sendEmail = async (
  ctx: ServiceContext,
  payload: Record<string, unknown>,
  mailer: Mailer | undefined,
  markSent: (ctx: ServiceContext, activityId: string) => Promise<void>,
): Promise<void> => {
  if (!mailer) throw new Error('E-mail is not configured: set SMTP_URL (and SMTP_FROM)');
  if (!isMailMessage(payload)) throw new Error('email.send needs to, subject and text');
  await mailer.send({
    to: payload.to,
    subject: payload.subject,
    text: payload.text,
    html: typeof payload.html === 'string' ? payload.html : undefined,
    replyTo: typeof payload.replyTo === 'string' ? payload.replyTo : undefined,
  });
  if (typeof payload.activityId === 'string') await markSent(ctx, payload.activityId);
};
