import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, pgliteExtensions, type DatabaseHandle } from '../db/client.js';

/**
 * A private copy of the migrated test database: PGlite loaded from the template dump, or, with
 * TEST_DATABASE_URL, a PostgreSQL database created from the template database. Each test file gets its own,
 * so files run in parallel without seeing each other's rows.
 */
export const openTestDatabase = async (): Promise<DatabaseHandle & { url?: string }> => {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (url && template) {
    const name = `kilowatt_test_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = openPostgres(dbUrl.toString(), 5);
    return {
      ...handle,
      url: dbUrl.toString(),
      close: async () => {
        await handle.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: pgliteExtensions });
  return openPglite(client);
};
