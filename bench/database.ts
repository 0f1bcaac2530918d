import pg from 'pg';
import { createPglite, openPglite, openPostgres, type DatabaseHandle } from '../server/db/client.js';

export type BenchDatabase = { database: DatabaseHandle; name: string | null; cleanup: () => Promise<void> };

/**
 * The database a bench runs on: PGlite (in memory, or in `pgliteDir`), or a throwaway PostgreSQL database created
 * next to BENCH_DATABASE_URL, so a run never touches existing data; `cleanup` drops it unless `keep`.
 */
export const openBenchDatabase = async (options: { db: 'pglite' | 'postgres'; label: string; pgliteDir?: string; keep?: boolean }): Promise<BenchDatabase> => {
  if (options.db !== 'postgres') return { database: openPglite(await createPglite(options.pgliteDir)), name: null, cleanup: async () => undefined };
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL=postgres://user@host:port/database');
  const name = `kilowatt_bench_${options.label}${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const cleanup = async () => {
    if (options.keep) return;
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
  return { database: openPostgres(target.toString()), name, cleanup };
};
