import { randomBytes } from 'node:crypto';
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
import { createMapyClient, type Geocoder } from './integrations/mapy/client.js';
import { startFakeMapy } from './integrations/mapy/fake.js';
import { createSigniClient } from './integrations/signi/client.js';
import { startFakeSigni } from './integrations/signi/fake.js';
import { createSmtpMailer, type Mailer } from './integrations/smtp/client.js';
import { startFakeSmtp } from './integrations/smtp/fake.js';
import { createJobHandlers, jobSchedulesToEnsure } from './jobs/index.js';
import type { SigningSetup } from './modules/signature-requests/signature-requests.service.js';
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

// Outgoing e-mail (tasks for other departments): SMTP_URL; the demo's built-in fake server keeps mail in memory.
let mailer: Mailer | undefined;
let stopFakeSmtp = async (): Promise<void> => undefined;
if (config.smtp.url) {
  mailer = createSmtpMailer({ url: config.smtp.url, from: config.smtp.from });
  log.info({ host: new URL(config.smtp.url).host }, 'e-mail: SMTP server');
} else if (config.loadDemoData) {
  const fake = await startFakeSmtp({
    host: '127.0.0.1',
    port: 0,
    onMessage: (mail) => log.info({ to: mail.to, subject: mail.subject }, 'e-mail kept by the fake SMTP server (demo)'),
  });
  mailer = createSmtpMailer({ url: fake.url, from: config.smtp.from });
  stopFakeSmtp = fake.close;
  log.info({ url: fake.url }, 'e-mail: no SMTP_URL, using the built-in fake SMTP server (messages stay in memory)');
} else {
  log.info('e-mail off: set SMTP_URL to send tasks for other departments');
}

let stopJobs = async (): Promise<void> => undefined;
if (config.runJobs) {
  await ensureSchedules(database.db, jobSchedulesToEnsure);
  stopJobs = startPolling(
    createJobRunner({ db: database.db, log, handlers: createJobHandlers({ verificationReminderDays: config.verificationReminderDays, contractReminderDays: config.contractReminderDays, mailer }) }),
    log,
  );
}

// Address geocoder (ENERGY-3): the real Mapy.cz API with a key; the built-in fake for the demo; else none.
let geocoder: Geocoder | undefined;
let stopFakeMapy = async (): Promise<void> => undefined;
if (config.mapy.apiKey) {
  geocoder = createMapyClient({ apiKey: config.mapy.apiKey, baseUrl: config.mapy.baseUrl, timeoutMs: config.mapy.timeoutMs });
  log.info({ baseUrl: config.mapy.baseUrl }, 'address validation: Mapy.cz API');
} else if (config.loadDemoData) {
  const fake = await startFakeMapy({ host: '127.0.0.1', port: 0 });
  geocoder = createMapyClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: config.mapy.timeoutMs });
  stopFakeMapy = fake.close;
  log.info({ url: fake.url }, 'address validation: no MAPY_API_KEY, using the built-in fake Mapy.cz with demo addresses');
} else {
  log.info('address validation off: set MAPY_API_KEY to enable Mapy.cz suggestions');
}
// The map on the supply-point card needs real Mapy.cz tiles: the fake has none, so no key means no map.
const mapTiles = config.mapy.mapApiKey ? { apiKey: config.mapy.mapApiKey, baseUrl: config.mapy.baseUrl } : undefined;

// Electronic signature (CONTRACT-2): the real Signi with a key; the built-in fake Signi for the demo; else off.
let signing: SigningSetup | undefined;
let stopFakeSigni = async (): Promise<void> => undefined;
if (config.signi.apiKey && config.signi.webhookSecret) {
  signing = {
    client: createSigniClient({ apiKey: config.signi.apiKey, baseUrl: config.signi.baseUrl, timeoutMs: config.signi.timeoutMs }),
    webhookSecret: config.signi.webhookSecret,
    webhookBaseUrl: config.signi.webhookBaseUrl,
    signingDays: config.signi.signingDays,
  };
  log.info({ baseUrl: config.signi.baseUrl, webhooks: config.signi.webhookBaseUrl }, 'e-signature: Signi');
} else if (config.loadDemoData) {
  const fake = await startFakeSigni({ host: '127.0.0.1', port: config.signi.fakePort });
  signing = {
    client: createSigniClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: config.signi.timeoutMs }),
    webhookSecret: config.signi.webhookSecret ?? randomBytes(32).toString('hex'),
    webhookBaseUrl: config.signi.webhookBaseUrl,
    signingDays: config.signi.signingDays,
  };
  stopFakeSigni = fake.close;
  log.info({ url: fake.url }, 'e-signature: no SIGNI_API_KEY, using the built-in fake Signi; open its address to sign the documents sent');
} else {
  log.info('e-signature off: set SIGNI_API_KEY, SIGNI_WEBHOOK_SECRET and SIGNI_WEBHOOK_BASE_URL to send contracts through Signi');
}

await ensureWebBuilt(log);
const app = await buildApp({
  db: database.db,
  sessionHours: config.sessionHours,
  secureCookies: config.secureCookies,
  webRoot,
  logger: log,
  geocoder,
  mapTiles,
  signing,
});
await app.listen({ port: config.port, host: config.host });
log.info(`Kilowatt is running on http://localhost:${config.port}`);

const shutdown = async () => {
  await app.close();
  await stopJobs();
  await stopFakeMapy();
  await stopFakeSigni();
  mailer?.close();
  await stopFakeSmtp();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
