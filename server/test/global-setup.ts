import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { systemContext } from '../context.js';
import { createPglite, openPglite, openPostgres, type DatabaseHandle } from '../db/client.js';
import { ensureReferenceData } from '../db/reference-data.js';
import { loadDemoDataOnce } from '../demo/demo-data.js';

export const templateDatabase = 'kilowatt_test_template';

/** Migrated database with reference data and the demo users (no clients), copied by every test file. */
const prepare = async (handle: DatabaseHandle) => {
  await handle.migrate();
  const ctx = systemContext(handle.db, pino({ level: 'silent' }), 'test-setup');
  await ensureReferenceData(ctx);
  await loadDemoDataOnce(ctx, 0);
};

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kilowatt-test-'));
  const client = await createPglite();
  const handle = openPglite(client);
  await prepare(handle);
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  project.provide('postgresTemplate', url ? templateDatabase : null);
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateDatabase} with (force)`);
    await admin.query(`create database ${templateDatabase}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${templateDatabase}`;
    const pgHandle = openPostgres(templateUrl.toString(), 2);
    await prepare(pgHandle);
    await pgHandle.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
