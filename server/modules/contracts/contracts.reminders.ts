import { and, between, eq, isNull, or } from 'drizzle-orm';
import dayjs from 'dayjs';
import { contractRemindersOf, remindersDueOn } from '../../../domain/contracts/deadlines.js';
import type { ServiceContext } from '../../context.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { addReminders, type NewReminder } from '../meters/meters.service.js';
import { contracts } from './contracts.schema.js';

export const contractReminderKinds = { end: 'contract.end', noticeDeadline: 'contract.notice_deadline' } as const;

/** How many days ahead of the end and of the notice deadline a contract reminds its responsible user. */
export type ContractReminderDays = { end: number; noticeDeadline: number };

/**
 * The daily job (contracts.reminders, CONTRACT-3): for each signed contract in force, one reminder for its
 * responsible user when its notice deadline or its end comes within the configured days. Idempotent through the
 * reminders' unique (kind, subject, due day): a second run or instance adds nothing, a moved end date reminds anew.
 */
export const createContractReminders = async (ctx: ServiceContext, days: ContractReminderDays): Promise<{ created: number }> => {
  const today = businessDate(ctx.now());
  const horizon = (ahead: number) => dayjs(today).add(ahead, 'day').format('YYYY-MM-DD');
  const due = await ctx.db
    .select({
      id: contracts.id,
      ownerId: contracts.ownerId,
      responsibleUserId: contracts.responsibleUserId,
      endDate: contracts.endDate,
      noticePeriodMonths: contracts.noticePeriodMonths,
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.state, 'signed'),
        isNull(contracts.archivedAt),
        or(between(contracts.endDate, today, horizon(days.end)), between(contracts.noticeDeadline, today, horizon(days.noticeDeadline))),
      ),
    );
  const rows: NewReminder[] = due.flatMap((contract) =>
    remindersDueOn(contractRemindersOf(contract, days), today).map((reminder) => ({
      ownerId: contract.ownerId,
      kind: contractReminderKinds[reminder.kind],
      subjectType: 'contract',
      subjectId: contract.id,
      dueOn: reminder.dueOn,
      userId: contract.responsibleUserId,
      createdAt: ctx.now(),
    })),
  );
  const created = await addReminders(ctx, rows);
  if (created > 0) ctx.log.info({ created }, 'contract reminders created');
  return { created };
};
