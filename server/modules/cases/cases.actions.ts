import { withTx, type ServiceContext } from '../../context.js';
import { createActivity } from '../activities/activities.service.js';
import { assertCan } from '../auth/permissions.js';
import { createEvent } from '../calendar/calendar.service.js';
import type { CaseActionBody, CaseActionResponse } from './cases.api.js';
import { loadVisibleCase, toDetail } from './cases.records.js';
import { closeCase, inActorLanguage } from './cases.service.js';
import { AppError } from '../../http/errors.js';

const days = (n: number) => n * 86_400_000;

/**
 * One click on a case (SALES-4): a task, a call record (done, with its outcome), a meeting (an activity and its
 * calendar event) or closing the case — in one transaction. Generated activities are linked to the case and its
 * client and named from the action and the case in the acting user's language ("Call — <case>"), because a
 * stored subject cannot be translated later.
 */
export const runCaseAction = async (ctx: ServiceContext, id: string, input: CaseActionBody): Promise<CaseActionResponse> => {
  assertCan(ctx.actor, 'sales.write');
  if (input.action === 'close') {
    const closed = await closeCase(ctx, id, input);
    return { case: closed, activityId: null, eventId: null, continuationCaseId: closed.continuationCaseId };
  }
  return withTx(ctx, async (ctx) => {
    const row = await loadVisibleCase(ctx, id);
    if (row.archivedAt) throw new AppError('case.archived', 'The case is archived');
    if (row.state === 'closed') throw new AppError('case.closed', 'The case is closed; no more actions on it');
    const subject = async (explicit?: string) =>
      explicit ?? (await inActorLanguage(ctx, `cases.actions.subjects.${input.action}`, { name: row.name })).slice(0, 200);
    const links = { clientId: row.clientId, caseId: row.id };
    const now = ctx.now();
    let activityId: string;
    let eventId: string | null = null;
    switch (input.action) {
      case 'task': {
        const dueAt = input.dueAt ?? new Date(now.getTime() + days(3));
        const startAt = dueAt < now ? dueAt : now;
        const activity = await createActivity(ctx, {
          ...links,
          kind: 'task',
          subject: await subject(input.subject),
          description: input.description ?? null,
          startAt: startAt.toISOString(),
          dueAt: dueAt.toISOString(),
          responsibleUserId: input.responsibleUserId ?? undefined,
        });
        activityId = activity.id;
        break;
      }
      case 'call': {
        const at = (input.at ?? now).toISOString();
        const activity = await createActivity(ctx, {
          ...links,
          kind: 'call',
          subject: await subject(),
          startAt: at,
          dueAt: at,
          status: 'done',
          outcome: input.outcome ?? null,
          outcomeNote: input.note ?? null,
        });
        activityId = activity.id;
        break;
      }
      case 'meeting': {
        const title = await subject(input.subject);
        const activity = await createActivity(ctx, {
          ...links,
          kind: 'meeting',
          subject: title,
          description: input.description ?? null,
          location: input.location ?? null,
          startAt: input.startAt.toISOString(),
          dueAt: input.endAt.toISOString(),
        });
        activityId = activity.id;
        const event = await createEvent(ctx, {
          ...links,
          title,
          startAt: input.startAt,
          endAt: input.endAt,
          location: input.location ?? null,
          description: input.description ?? null,
          activityId: activity.id,
          responsibleUserId: activity.responsibleUserId,
        });
        eventId = event.id;
        break;
      }
    }
    return { case: await toDetail(ctx, await loadVisibleCase(ctx, id)), activityId, eventId, continuationCaseId: null };
  });
};
