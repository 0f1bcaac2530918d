import ical, { ICalCalendarMethod } from 'ical-generator';
import { addDays, defaultTimeZone, localDate } from '../../../domain/activities/days.js';
import type { ServiceContext } from '../../context.js';
import { notFound } from '../../http/errors.js';
import { translate, uiLanguageOf } from '../../http/i18n.js';
import { openActivitiesForFeed } from '../activities/activities.service.js';
import { can } from '../auth/permissions.js';
import { loadActor, userNames } from '../users/users.service.js';
import { eventsForFeed, userOfFeedToken } from './calendar.service.js';

/** The feed covers this window around now: recent history for context, a year ahead for planning. */
const pastDays = 60;
const futureDays = 365;
/** Calendar apps poll a subscribed feed; this asks for every 30 minutes (Outlook and Google poll less often anyway). */
const refreshMinutes = 30;

const dayMs = 86_400_000;

/** An all-day range as UTC midnights of the local dates, which is how ical-generator writes DATE values. */
const allDayRange = (startAt: Date, endAt: Date, zone: string) => {
  const first = localDate(startAt, zone);
  let after = localDate(endAt, zone);
  if (after <= first) after = addDays(first, 1);
  return { start: new Date(`${first}T00:00:00Z`), end: new Date(`${after}T00:00:00Z`) };
};

/**
 * SECURITY-CRITICAL. The iCalendar feed (RFC 5545) a token opens: the token's user's visible events of the team
 * calendar and their own open activities with dates, read with that user's current rights (a user who lost
 * them, or was deactivated, gets 404 like an unknown token).
 *
 * Events are VEVENTs with their own times. Open activities other than meetings (which are in the feed as their
 * events) are VEVENTs too, because Google Calendar and Outlook ignore VTODO in subscribed calendars: one lasting
 * at most a day runs from its start to its due time; a longer one is an all-day entry on its due date, so a
 * two-week task does not block two weeks. Their summary names the kind, e.g. "Call: …". Times are written in UTC
 * (no VTIMEZONE needed); all-day dates are the dates in Europe/Bratislava.
 */
export const buildFeed = async (system: ServiceContext, token: string, appUrl: string): Promise<string> => {
  const userId = await userOfFeedToken(system, token);
  const actor = userId ? await loadActor(system, userId) : null;
  if (!actor || !can(actor, 'sales.read')) throw notFound('Feed');
  const ctx: ServiceContext = { ...system, actor };
  const [user] = await userNames(ctx, [actor.userId]);
  const language = uiLanguageOf(user?.locale);
  const zone = defaultTimeZone;
  const now = ctx.now();
  const from = new Date(now.getTime() - pastDays * dayMs);
  const to = new Date(now.getTime() + futureDays * dayMs);
  const [events, activities] = [await eventsForFeed(ctx, from, to), await openActivitiesForFeed(ctx, actor.userId, from, to)];

  const calendar = ical({
    name: `Kilowatt – ${user?.name ?? ''}`.trim(),
    prodId: { company: 'Kilowatt', product: 'CRM', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: refreshMinutes * 60,
  });
  for (const event of events) {
    const times = event.allDay ? allDayRange(event.startAt, event.endAt, zone) : { start: event.startAt, end: event.endAt };
    calendar.createEvent({
      id: `event-${event.id}@kilowatt`,
      ...times,
      allDay: event.allDay,
      stamp: event.updatedAt,
      created: event.createdAt,
      lastModified: event.updatedAt,
      sequence: event.version - 1,
      summary: event.title,
      description: event.description,
      location: event.location,
      url: event.activityId ? `${appUrl}/activities/${event.activityId}` : `${appUrl}/calendar?event=${event.id}`,
    });
  }
  for (const activity of activities) {
    const isShort = activity.dueAt.getTime() - activity.startAt.getTime() <= dayMs;
    const times = isShort ? { start: activity.startAt, end: activity.dueAt } : allDayRange(activity.dueAt, activity.dueAt, zone);
    calendar.createEvent({
      id: `activity-${activity.id}@kilowatt`,
      ...times,
      allDay: !isShort,
      stamp: activity.updatedAt,
      created: activity.createdAt,
      lastModified: activity.updatedAt,
      sequence: activity.version - 1,
      summary: `${translate(language, `activities.kind.${activity.kind}`)}: ${activity.subject}`,
      description: activity.description,
      location: activity.location,
      url: `${appUrl}/activities/${activity.id}`,
    });
  }
  return calendar.toString();
};
