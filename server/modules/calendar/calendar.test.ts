import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { companyBody, createTestApp } from '../../test/app.js';

const { as, send } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');

const hour = 3_600_000;
const day = 24 * hour;
// Whole minutes: iCalendar times have no milliseconds.
const base = Math.floor((Date.now() + 2 * day) / 60_000) * 60_000;
const at = (offsetHours: number) => new Date(base + offsetHours * hour).toISOString();
const range = (fromHours: number, toHours: number) => `from=${encodeURIComponent(at(fromHours))}&to=${encodeURIComponent(at(toHours))}`;
const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((e) => e.title);

const eventBody = (title: string, overrides: Record<string, unknown> = {}) => ({ title, startAt: at(0), endAt: at(1), ...overrides });

describe('events entered by hand', () => {
  it('are created for the caller’s team and recorded', async () => {
    const res = await sales.post('/api/v1/calendar/events', eventBody('Porada tímu Západ', { location: 'Bratislava' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Porada tímu Západ', allDay: false, activityId: null, version: 1 });
    expect(res.body.teamId).not.toBeNull();
    const history = (await sales.get(`/api/v1/calendar/events/${res.body.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toContain('create');
  });

  it.each([
    ['an end before the start', { startAt: at(2), endAt: at(1) }, 'endAt', 'end_before_start'],
    ['an empty title', { title: '' }, 'title', 'too_small'],
    ['a date that is not one', { startAt: 'tomorrow' }, 'startAt', 'invalid_format'],
  ])('reject %s with 400 naming the field, writing nothing', async (_, overrides, path, code) => {
    const title = `Neplatná udalosť ${path}`;
    const res = await sales.post('/api/v1/calendar/events', eventBody(title, overrides));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(titles(await sales.get(`/api/v1/calendar/events?${range(-48, 48)}`))).not.toContain(title);
  });

  it('change with the version read, answer 409 when stale, and archive out of the calendar', async () => {
    const created = (await sales.post('/api/v1/calendar/events', eventBody('Školenie pôvodné', { startAt: at(3), endAt: at(4) }))).body;
    const changed = await sales.patch(`/api/v1/calendar/events/${created.id}`, { title: 'Školenie presunuté', startAt: at(5), endAt: at(6), version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Školenie presunuté', version: 2 });
    const stale = await sales.patch(`/api/v1/calendar/events/${created.id}`, { title: 'x', version: 1 });
    expect(stale.status).toBe(409);
    const reversed = await sales.patch(`/api/v1/calendar/events/${created.id}`, { endAt: at(4), version: 2 });
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('event.end_before_start');
    const archived = await sales.post(`/api/v1/calendar/events/${created.id}/archive`, { version: 2 });
    expect(archived.status).toBe(200);
    expect(titles(await sales.get(`/api/v1/calendar/events?${range(-48, 48)}`))).not.toContain('Školenie presunuté');
  });
});

describe('meetings in the calendar', () => {
  it('a meeting activity puts its event in the calendar, moves it with the activity and takes it out when cancelled', async () => {
    const client = (await sales.post('/api/v1/clients', companyBody())).body;
    const meeting = (
      await sales.post('/api/v1/activities', { kind: 'meeting', subject: 'Stretnutie s klientom', startAt: at(10), dueAt: at(11), clientId: client.id, location: 'Nitra' })
    ).body;
    const events = (await sales.get(`/api/v1/calendar/events?${range(0, 24)}`)).body.items;
    const event = events.find((e: { activityId: string }) => e.activityId === meeting.id);
    expect(event).toMatchObject({ title: 'Stretnutie s klientom', location: 'Nitra', clientId: client.id, startAt: at(10), endAt: at(11) });
    const managed = await sales.patch(`/api/v1/calendar/events/${event.id}`, { title: 'x', version: event.version });
    expect(managed.status).toBe(409);
    expect(managed.body.code).toBe('event.managed_by_activity');

    await sales.patch(`/api/v1/activities/${meeting.id}`, { startAt: at(12), dueAt: at(13), version: 1 });
    const moved = (await sales.get(`/api/v1/calendar/events/${event.id}`)).body;
    expect(moved).toMatchObject({ startAt: at(12), endAt: at(13) });

    await sales.post(`/api/v1/activities/${meeting.id}/cancel`, { version: 2 });
    const after = (await sales.get(`/api/v1/calendar/events?${range(0, 24)}`)).body.items;
    expect(after.map((e: { id: string }) => e.id)).not.toContain(event.id);
  });
  it('a meeting changed into a call leaves the calendar, and back into a meeting returns to it', async () => {
    const client = (await sales.post('/api/v1/clients', companyBody())).body;
    const meeting = (await sales.post('/api/v1/activities', { kind: 'meeting', subject: 'Stretnutie zmenené na hovor', startAt: at(14), dueAt: at(15), clientId: client.id })).body;
    const eventIds = async () =>
      ((await sales.get(`/api/v1/calendar/events?${range(0, 24)}`)).body.items as { activityId: string | null }[]).filter((e) => e.activityId === meeting.id);
    expect(await eventIds()).toHaveLength(1);

    const call = await sales.patch(`/api/v1/activities/${meeting.id}`, { kind: 'call', version: 1 });
    expect(call.status).toBe(200);
    expect(await eventIds()).toEqual([]);

    await sales.patch(`/api/v1/activities/${meeting.id}`, { kind: 'meeting', version: 2 });
    expect(await eventIds()).toHaveLength(1);
  });
});

describe('the team calendar', () => {
  const ready = (async () => {
    await sales.post('/api/v1/calendar/events', eventBody('Západ: návšteva', { startAt: at(30), endAt: at(31) }));
    await sales2.post('/api/v1/calendar/events', eventBody('Východ: návšteva', { startAt: at(30), endAt: at(31) }));
    await sales.post('/api/v1/calendar/events', eventBody('Západ: celý deň', { startAt: at(26), endAt: at(50), allDay: true }));
  })();

  it('shows each team its own events and the administrator all, overlapping the range', async () => {
    await ready;
    const west = titles(await sales.get(`/api/v1/calendar/events?${range(29, 32)}`));
    expect(west).toEqual(expect.arrayContaining(['Západ: návšteva', 'Západ: celý deň']));
    expect(west).not.toContain('Východ: návšteva');
    const east = titles(await sales2.get(`/api/v1/calendar/events?${range(29, 32)}`));
    expect(east).toContain('Východ: návšteva');
    expect(east).not.toContain('Západ: návšteva');
    expect(titles(await admin.get(`/api/v1/calendar/events?${range(29, 32)}`))).toEqual(
      expect.arrayContaining(['Západ: návšteva', 'Východ: návšteva']),
    );
    expect(titles(await sales.get(`/api/v1/calendar/events?${range(32, 40)}`))).toEqual(['Západ: celý deň']);
  });

  it('filters by team and user', async () => {
    await ready;
    const me2 = (await sales2.get('/api/v1/auth/me')).body;
    const byUser = titles(await admin.get(`/api/v1/calendar/events?${range(29, 32)}&userId=${me2.user.id}`));
    expect(byUser).toEqual(['Východ: návšteva']);
    const byTeam = titles(await admin.get(`/api/v1/calendar/events?${range(29, 32)}&teamId=${me2.teams[0].id}`));
    expect(byTeam).toEqual(['Východ: návšteva']);
  });

  it('hides another team’s event by id (404) and refuses to change it', async () => {
    await ready;
    const theirs = (await sales2.get(`/api/v1/calendar/events?${range(29, 32)}`)).body.items.find((e: { title: string }) => e.title === 'Východ: návšteva');
    expect((await sales.get(`/api/v1/calendar/events/${theirs.id}`)).status).toBe(404);
    expect((await sales.get(`/api/v1/calendar/events/${theirs.id}/history`)).status).toBe(404);
    expect((await sales.patch(`/api/v1/calendar/events/${theirs.id}`, { title: 'x', version: 1 })).status).toBe(404);
    expect((await sales.post(`/api/v1/calendar/events/${theirs.id}/archive`, { version: 1 })).status).toBe(404);
    expect((await sales2.get(`/api/v1/calendar/events/${theirs.id}`)).body).toMatchObject({ title: 'Východ: návšteva', version: 1 });
  });

  it('refuses a range longer than 62 days or reversed, and a role without sales rights', async () => {
    const long = await sales.get(`/api/v1/calendar/events?${range(0, 63 * 24)}`);
    expect(long.status).toBe(400);
    expect(long.body.errors).toContainEqual(expect.objectContaining({ path: 'to', code: 'range_too_long' }));
    expect((await sales.get(`/api/v1/calendar/events?${range(5, 1)}`)).body.errors[0]).toMatchObject({ path: 'to', code: 'range_reversed' });
    expect((await legal.get(`/api/v1/calendar/events?${range(0, 24)}`)).status).toBe(403);
    expect((await legal.post('/api/v1/calendar/events', eventBody('x'))).status).toBe(403);
    expect((await legal.post('/api/v1/calendar/feed')).status).toBe(403);
  });
});

describe('the iCalendar feed', () => {
  const fetchFeed = (url: string) => send('GET', new URL(url).pathname, null);

  const ready = (async () => {
    await sales.post('/api/v1/calendar/events', eventBody('Feed Západ: obhliadka kotolne s dlhým názvom, ktorý sa musí zalomiť na viac riadkov podľa RFC 5545', { startAt: at(40), endAt: at(41), description: 'Popis; s čiarkou, a novým\nriadkom' }));
    await sales2.post('/api/v1/calendar/events', eventBody('Feed Východ: tajná porada', { startAt: at(40), endAt: at(41) }));
    await sales.post('/api/v1/activities', { kind: 'call', subject: 'Feed hovor', startAt: at(42), dueAt: at(42.5) });
    await sales.post('/api/v1/activities', { kind: 'task', subject: 'Feed dlhá úloha', startAt: at(0), dueAt: at(24 * 10) });
    await sales.post('/api/v1/calendar/events', eventBody('Feed celý deň', { startAt: at(50), endAt: at(74), allDay: true }));
  })();

  it('serves the user’s visible events and open activities as RFC 5545 text/calendar', async () => {
    await ready;
    const created = await sales.post('/api/v1/calendar/feed');
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^http:\/\/.+\/api\/v1\/calendar\/feed\/kwcal_[\w-]+\.ics$/);
    expect(created.body.webcalUrl).toMatch(/^webcal:\/\//);
    const res = await fetchFeed(created.body.url);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/calendar');
    const text = String(res.body);

    // CRLF line endings only, lines folded at 75 octets.
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').filter(Boolean);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);

    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Kilowatt');
    const events = calendar.getAllSubcomponents('vevent');
    for (const event of events) {
      for (const property of ['uid', 'dtstamp', 'dtstart']) expect(event.hasProperty(property), property).toBe(true);
      expect(event.hasProperty('dtend') || event.hasProperty('duration')).toBe(true);
    }
    const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Feed Západ: obhliadka kotolne s dlhým názvom, ktorý sa musí zalomiť na viac riadkov podľa RFC 5545');
    expect(summaries.some((s) => s.includes('Feed Východ'))).toBe(false);
    expect(summaries).toContain('Telefonát: Feed hovor');
    const western = events.find((e) => String(e.getFirstPropertyValue('summary')).startsWith('Feed Západ'))!;
    expect(String(western.getFirstPropertyValue('description'))).toBe('Popis; s čiarkou, a novým\nriadkom');
    const start = western.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.toJSDate().toISOString()).toBe(at(40));
    const longTask = events.find((e) => String(e.getFirstPropertyValue('summary')).endsWith('Feed dlhá úloha'))!;
    expect((longTask.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
    const allDay = events.find((e) => e.getFirstPropertyValue('summary') === 'Feed celý deň')!;
    expect((allDay.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
    expect(new Set(events.map((e) => String(e.getFirstPropertyValue('uid')))).size).toBe(events.length);
  });

  it('sales2’s feed never contains sales’ team events', async () => {
    await ready;
    const created = await sales2.post('/api/v1/calendar/feed');
    const text = String((await fetchFeed(created.body.url)).body);
    expect(text).toContain('Feed Východ: tajná porada');
    expect(text).not.toContain('Feed Z');
    expect(text).not.toContain('Feed hovor');
  });

  it('stops working when rotated or revoked (404), and reports whether it exists', async () => {
    await ready;
    const first = (await sales.post('/api/v1/calendar/feed')).body.url;
    expect((await fetchFeed(first)).status).toBe(200);
    expect((await sales.get('/api/v1/calendar/feed')).body).toMatchObject({ active: true });
    const second = (await sales.post('/api/v1/calendar/feed')).body.url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await sales.delete('/api/v1/calendar/feed')).status).toBe(204);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await sales.get('/api/v1/calendar/feed')).body).toMatchObject({ active: false });
    expect((await send('GET', '/api/v1/calendar/feed/kwcal_madeup.ics', null)).status).toBe(404);
    expect((await send('GET', '/api/v1/calendar/feed/nonsense', null)).status).toBe(400);
  });
});
