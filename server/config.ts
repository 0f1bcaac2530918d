import path from 'node:path';
import { z } from 'zod';

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection; when absent the embedded PGlite database in KILOWATT_DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  KILOWATT_DATA_DIR: z.string().default('./data'),
  /** Load demo data; on by default for the embedded database only. */
  KILOWATT_DEMO: z.enum(['0', '1']).optional(),
  KILOWATT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime in hours; idle sessions past it are removed by a job. */
  KILOWATT_SESSION_HOURS: z.coerce.number().int().positive().default(12),
  /** Set when the app is served over HTTPS, so the session cookie is marked Secure. */
  KILOWATT_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  KILOWATT_JOBS: z.enum(['0', '1']).default('1'),
  /** Days ahead a meter's verification due date creates a reminder for the client's responsible user (ENERGY-5). */
  KILOWATT_VERIFICATION_REMINDER_DAYS: z.coerce.number().int().min(0).max(3650).default(60),
  KILOWATT_CONTRACT_END_REMINDER_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  KILOWATT_CONTRACT_NOTICE_REMINDER_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** Mapy.cz REST API key for address suggestions and validation (ENERGY-3); empty means none. */
  MAPY_API_KEY: z.string().trim().optional(),
  /**
   * Mapy.cz key for the map tiles the browser loads (it is visible there); restrict it by HTTP referer in the
   * Mapy.cz console. Defaults to MAPY_API_KEY.
   */
  MAPY_MAP_API_KEY: z.string().trim().optional(),
  MAPY_BASE_URL: z.url().default('https://api.mapy.cz'),
  /** Per-request timeout of geocoder calls, in milliseconds. */
  MAPY_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(2000),
  /**
   * Outgoing e-mail (tasks for other departments): smtp://user:password@host:587 or smtps://…:465. Without it the
   * embedded demo starts a local fake SMTP server that keeps the messages in memory; elsewhere e-mail stays off.
   */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .url()
      .refine((value) => /^smtps?:\/\//.test(value), { message: 'Use smtp:// or smtps://' })
      .optional(),
  ),
  /** The sender of outgoing e-mail, e.g. "Kilowatt CRM <crm@example.com>". */
  SMTP_FROM: z.string().trim().min(3).default('Kilowatt CRM <kilowatt@localhost>'),
  /**
   * Signi workspace API key (CONTRACT-2). With it, contracts are sent to the real Signi; without it the embedded
   * demo starts a local fake Signi, and elsewhere electronic signature is off.
   */
  SIGNI_API_KEY: z.string().trim().optional(),
  SIGNI_BASE_URL: z.url().default('https://api.signi.com'),
  /** Per-request timeout of Signi calls, in milliseconds (uploads of the contract PDF included). */
  SIGNI_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(15_000),
  /** Key of the HMAC in the webhook addresses given to Signi; at least 32 characters, required with SIGNI_API_KEY. */
  SIGNI_WEBHOOK_SECRET: z.string().trim().min(32, 'Use at least 32 random characters').optional(),
  /** Where Signi reaches this server, e.g. https://crm.example.sk (Signi calls <this>/api/v1/webhooks/signi). */
  SIGNI_WEBHOOK_BASE_URL: z.url().optional(),
  /** Days signers have to sign a document sent for signature. */
  SIGNI_SIGNING_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Port of the demo's built-in fake Signi (0: any free port); its address is logged at start. */
  SIGNI_FAKE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
});

export type AppConfig = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  loadDemoData: boolean;
  logLevel: z.infer<typeof Config>['KILOWATT_LOG_LEVEL'];
  sessionHours: number;
  secureCookies: boolean;
  runJobs: boolean;
  verificationReminderDays: number;
  /** Days before a contract's end and before its notice deadline that its responsible user is reminded. */
  contractReminderDays: { end: number; noticeDeadline: number };
  mapy: { apiKey: string | undefined; mapApiKey: string | undefined; baseUrl: string; timeoutMs: number };
  smtp: { url: string | undefined; from: string };
  signi: {
    apiKey: string | undefined;
    baseUrl: string;
    timeoutMs: number;
    webhookSecret: string | undefined;
    /** Defaults to http://127.0.0.1:<PORT>, which only a local (fake) Signi can reach. */
    webhookBaseUrl: string;
    signingDays: number;
    /** The demo's fake Signi listens here (0: any free port). */
    fakePort: number;
  };
};

export const readConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.SIGNI_API_KEY && (!c.SIGNI_WEBHOOK_SECRET || !c.SIGNI_WEBHOOK_BASE_URL)) {
    throw new Error('Invalid configuration:\n  SIGNI_WEBHOOK_SECRET and SIGNI_WEBHOOK_BASE_URL are required with SIGNI_API_KEY');
  }
  return {
    port: c.PORT,
    host: c.HOST,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(c.KILOWATT_DATA_DIR) },
    loadDemoData: c.KILOWATT_DEMO ? c.KILOWATT_DEMO === '1' : !c.DATABASE_URL,
    logLevel: c.KILOWATT_LOG_LEVEL,
    sessionHours: c.KILOWATT_SESSION_HOURS,
    secureCookies: c.KILOWATT_SECURE_COOKIES === '1',
    runJobs: c.KILOWATT_JOBS === '1',
    verificationReminderDays: c.KILOWATT_VERIFICATION_REMINDER_DAYS,
    contractReminderDays: { end: c.KILOWATT_CONTRACT_END_REMINDER_DAYS, noticeDeadline: c.KILOWATT_CONTRACT_NOTICE_REMINDER_DAYS },
    mapy: {
      apiKey: c.MAPY_API_KEY || undefined,
      mapApiKey: c.MAPY_MAP_API_KEY || c.MAPY_API_KEY || undefined,
      baseUrl: c.MAPY_BASE_URL,
      timeoutMs: c.MAPY_TIMEOUT_MS,
    },
    smtp: { url: c.SMTP_URL || undefined, from: c.SMTP_FROM },
    signi: {
      apiKey: c.SIGNI_API_KEY || undefined,
      baseUrl: c.SIGNI_BASE_URL,
      timeoutMs: c.SIGNI_TIMEOUT_MS,
      webhookSecret: c.SIGNI_WEBHOOK_SECRET || undefined,
      webhookBaseUrl: c.SIGNI_WEBHOOK_BASE_URL ?? `http://127.0.0.1:${c.PORT}`,
      signingDays: c.SIGNI_SIGNING_DAYS,
      fakePort: c.SIGNI_FAKE_PORT,
    },
  };
};
