#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL 15 cluster. Uses the given URL when set;
// otherwise starts a throwaway cluster (initdb into a temporary folder, trust auth, fsync off, loopback only)
// and removes it afterwards. As root the cluster runs as the `postgres` user, as PostgreSQL requires.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: with-postgres <command> [args…]');
  process.exit(2);
}

const run = (env) =>
  new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env, shell: process.platform === 'win32' });
    child.on('exit', (code) => resolve(code ?? 1));
  });

if (process.env.TEST_DATABASE_URL) process.exit(await run(process.env));

const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
if (!existsSync(path.join(bin, 'initdb'))) {
  console.error(`PostgreSQL 15 not found in ${bin}: apt-get install -y postgresql-15, or set TEST_DATABASE_URL`);
  process.exit(1);
}
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(path.join(os.tmpdir(), 'kilowatt-pg-'));
chmodSync(dir, 0o777);
const asRoot = process.getuid?.() === 0;
const pgExec = (tool, args) =>
  asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
    : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
const port = await freePort();
const data = path.join(dir, 'data');
pgExec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C']);
pgExec('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start']);
let code = 1;
try {
  code = await run({ ...process.env, TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` });
} finally {
  pgExec('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
