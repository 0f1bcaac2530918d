/**
 * Work queues (SALES-7): which open leads and cases a phone or field salesperson works on a day, in what order, and
 * on which day a field visit falls. Pure: the service reads the candidates through the leads and cases services
 * (so only what the user may see) and the rules of the user's teams, and passes them here.
 */

export type QueueChannel = 'phone' | 'field';
export type QueueRecordType = 'lead' | 'case';

export type QueueRule = {
  id: string;
  name: string;
  channel: QueueChannel;
  recordTypes: readonly QueueRecordType[];
  /** Empty: every territory. */
  territoryCodes: readonly string[];
  /** Items with priority up to this number (1 highest … 5). */
  maxPriority: number;
  dailyCapacity: number;
  position: number;
};

export type QueueCandidate = {
  recordType: QueueRecordType;
  id: string;
  name: string;
  priority: number;
  /** Null when nothing is planned: never contacted, or the last step was done without a follow-up. */
  nextActivityAt: Date | null;
  territoryCode: string | null;
};

export type QueuedItem<T extends QueueCandidate = QueueCandidate> = T & { ruleId: string; ruleName: string };

/** The first rule (by position) of the channel that takes the item: its record type, priority and territory. */
export const ruleFor = (rules: readonly QueueRule[], item: QueueCandidate, channel: QueueChannel): QueueRule | null =>
  [...rules]
    .sort((a, b) => a.position - b.position)
    .find(
      (rule) =>
        rule.channel === channel &&
        rule.recordTypes.includes(item.recordType) &&
        item.priority <= rule.maxPriority &&
        (rule.territoryCodes.length === 0 || (item.territoryCode !== null && rule.territoryCodes.includes(item.territoryCode))),
    ) ?? null;

/** Due on a day: its next activity is planned before the day ends, or nothing is planned at all. */
export const isDue = (item: QueueCandidate, dayEnd: Date): boolean =>
  item.nextActivityAt === null || item.nextActivityAt.getTime() < dayEnd.getTime();

/**
 * Queue order: higher priority first; then what was planned earliest (the longest overdue), then what has nothing
 * planned (never contacted); ties by name, so the list is stable from one reload to the next.
 */
export const queueOrder = (a: QueueCandidate, b: QueueCandidate): number =>
  a.priority - b.priority ||
  (a.nextActivityAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.nextActivityAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
  a.name.localeCompare(b.name) ||
  a.id.localeCompare(b.id);

/** Due items in queue order, each with the rule that took it, at most each rule's daily capacity. */
export const planDay = <T extends QueueCandidate>(
  candidates: readonly T[],
  rules: readonly QueueRule[],
  channel: QueueChannel,
  dayEnd: Date,
): QueuedItem<T>[] => {
  const taken = new Map<string, number>();
  const queued: QueuedItem<T>[] = [];
  for (const item of [...candidates].filter((c) => isDue(c, dayEnd)).sort(queueOrder)) {
    const rule = ruleFor(rules, item, channel);
    if (!rule) continue;
    const count = taken.get(rule.id) ?? 0;
    if (count >= rule.dailyCapacity) continue;
    taken.set(rule.id, count + 1);
    queued.push({ ...item, ruleId: rule.id, ruleName: rule.name });
  }
  return queued;
};

export type VisitDay<T extends QueueCandidate> = { date: string; visits: QueuedItem<T>[] };

/**
 * A field salesperson's visit schedule over the given days: each day takes, in queue order, what is due by its end
 * and not yet scheduled, up to the rules' capacity; a day's visits are then grouped by territory so they make one
 * trip, keeping queue order within a territory.
 */
export const planVisits = <T extends QueueCandidate>(
  candidates: readonly T[],
  rules: readonly QueueRule[],
  days: readonly { date: string; end: Date }[],
): VisitDay<T>[] => {
  const scheduled = new Set<string>();
  return days.map(({ date, end }) => {
    const open = candidates.filter((c) => !scheduled.has(`${c.recordType}:${c.id}`));
    const visits = planDay(open, rules, 'field', end);
    for (const v of visits) scheduled.add(`${v.recordType}:${v.id}`);
    const firstSeen = new Map<string, number>();
    visits.forEach((v, i) => {
      const key = v.territoryCode ?? '';
      if (!firstSeen.has(key)) firstSeen.set(key, i);
    });
    const byTrip = [...visits].sort(
      (a, b) => firstSeen.get(a.territoryCode ?? '')! - firstSeen.get(b.territoryCode ?? '')! || queueOrder(a, b),
    );
    return { date, visits: byTrip };
  });
};
