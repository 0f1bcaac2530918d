import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { readConfig } from './config.js';
import { systemContext } from './context.js';
import { createPglite, openPglite, openPostgres, type DatabaseHandle } from './db/client.js';
import { ensureReferenceData } from './db/reference-data.js';
import { loadDemoDataOnce } from './demo/demo-data.js';
import { buildApp } from './http/app.js';
import { jobHandlers, jobSchedulesToEnsure } from './jobs/index.js';
import { createJobRunner, ensureSchedules, startPolling } from './jobs/runner.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webRoot = path.join(root, 'dist', 'web');

/** The first start of a fresh clone builds the web UI, so `npm install && npm start` is all it takes. */
const ensureWebBuilt = async (log: pino.Logger) => {
  if (existsSync(path.join(webRoot, 'index.html'))) return;
  log.info('building the web UI (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
};

// Boot order (DESIGN.md): config → database → migrations → reference and demo data → jobs → HTTP.
const config = readConfig();
const log = pino({ level: config.logLevel });

const database: DatabaseHandle =
  config.database.kind === 'postgres'
    ? openPostgres(config.database.url)
    : (mkdirSync(config.database.dataDir, { recursive: true }), openPglite(await createPglite(config.database.dataDir)));
log.info({ database: database.kind }, 'database opened');
await database.migrate();
const system = systemContext(database.db, log, 'startup');
await ensureReferenceData(system);
if (config.loadDemoData) await loadDemoDataOnce(system);

let stopJobs = async (): Promise<void> => undefined;
if (config.runJobs) {
  await ensureSchedules(database.db, jobSchedulesToEnsure);
  stopJobs = startPolling(createJobRunner({ db: database.db, log, handlers: jobHandlers }), log);
}

await ensureWebBuilt(log);
const app = await buildApp({
  db: database.db,
  sessionHours: config.sessionHours,
  secureCookies: config.secureCookies,
  webRoot,
  logger: log,
});
await app.listen({ port: config.port, host: config.host });
log.info(`Kilowatt is running on http://localhost:${config.port}`);

const shutdown = async () => {
  await app.close();
  await stopJobs();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
