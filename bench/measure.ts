/** How long a piece of work took and the memory it needed. */
export type Measured = { ms: number; rssBeforeMb: number; rssPeakMb: number; heapGrowthMb: number };

/** Runs `work`, sampling memory every 20 ms: RSS before and at its peak, and the JS heap's peak growth. */
export const measure = async <T>(work: () => Promise<T>): Promise<{ result: T } & Measured> => {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  let heapPeak = before.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    const after = process.memoryUsage();
    rssPeak = Math.max(rssPeak, after.rss);
    heapPeak = Math.max(heapPeak, after.heapUsed);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return { result, ms, rssBeforeMb: mb(before.rss), rssPeakMb: mb(rssPeak), heapGrowthMb: mb(heapPeak - before.heapUsed) };
  } finally {
    clearInterval(timer);
  }
};
