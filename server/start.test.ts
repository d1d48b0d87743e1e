/**
 * The whole start: embedded PostgreSQL, migrations, bureaus, the first administrator, HTTP; a restart
 * on the same folder applies nothing again; DATABASE_URL uses the given cluster and starts none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './start.js';
import { migrate, migrationFiles } from './db/migrate.js';
import { readConfig } from './config.js';
import { createPool } from './db/pool.js';
import { loadBureaus, seedBureaus } from './db/bureaus.js';
import { bootstrapAdmin } from './bootstrap.js';

const dir = mkdtempSync(join(tmpdir(), 'anjuan-server-start-'));
const running: RunningServer[] = [];

afterAll(async () => {
  for (const s of running.reverse()) await s.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const s = await startServer({ ...readConfig({ ANJUAN_SERVER_DATA_DIR: dir, ...env }), port: 0 });
  running.push(s);
  return s;
}

const login = async (s: RunningServer, password: string) =>
  (
    await fetch(new URL('/api/admin/login', s.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    })
  ).status;

describe('startServer', () => {
  it('starts on an embedded PostgreSQL, then on DATABASE_URL, and restarts without applying anything twice', async () => {
    const first = await start({});
    expect(first.embeddedDir).toBe(dir);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(first.migrationsApplied).toEqual(migrationFiles().map((f) => f.replace(/\.sql$/, '')));
    const password = first.bootstrap?.generatedPassword;
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await login(first, password!)).toBe(200);
    expect((await first.pool.query('SELECT count(*) AS n FROM bureaus')).rows[0].n).toBe('98');

    // DATABASE_URL: the first server's cluster; no second embedded PostgreSQL, nothing migrated or created again.
    const external = await start({ DATABASE_URL: first.databaseUrl, ANJUAN_SERVER_DATA_DIR: join(dir, 'unused') });
    expect(external.embeddedDir).toBeNull();
    expect(external.migrationsApplied).toEqual([]);
    expect(external.bootstrap).toBeNull();
    expect(await login(external, password!)).toBe(200);
    expect(await migrate(external.pool)).toEqual([]);
    expect((await external.pool.query('SELECT count(*) AS n FROM schema_migrations')).rows[0].n).toBe(
      String(migrationFiles().length),
    );
    expect((await external.pool.query('SELECT count(*) AS n FROM bureaus')).rows[0].n).toBe('98');
    await external.stop();
    await first.stop();
    running.length = 0;

    // A restart on the same folder: the data is there, the migrations and the administrator are not redone.
    const again = await start({});
    expect(again.migrationsApplied).toEqual([]);
    expect(again.bootstrap).toBeNull();
    expect(await login(again, password!)).toBe(200);
    expect((await again.pool.query('SELECT count(*) AS n FROM users')).rows[0].n).toBe('1');
  });

  it('takes the first administrator password from ANJUAN_SERVER_ADMIN_PASSWORD and refuses a weak one', async () => {
    // A second, empty database on the running cluster.
    const s = running[0]!;
    await s.pool.query('CREATE DATABASE bootstrap_check');
    const pool = createPool(s.databaseUrl.replace(/\/anjuan$/, '/bootstrap_check'));
    try {
      await migrate(pool);
      await seedBureaus(pool, loadBureaus());
      await expect(bootstrapAdmin(pool, 'admin123', new Date())).rejects.toThrow(/密码不符合要求/);
      expect((await pool.query('SELECT count(*) AS n FROM users')).rows[0].n).toBe('0');
      expect(await bootstrapAdmin(pool, 'Guanli-mima-2026', new Date())).toEqual({
        username: 'admin',
        generatedPassword: null,
      });
      expect(await bootstrapAdmin(pool, 'Guanli-mima-2026', new Date())).toBeNull();
    } finally {
      await pool.end();
    }
    expect(readConfig({ ANJUAN_SERVER_ADMIN_PASSWORD: 'Guanli-mima-2026' }).adminPassword).toBe('Guanli-mima-2026');
    expect(() => readConfig({ ANJUAN_SERVER_PORT: 'abc' })).toThrow(/ANJUAN_SERVER_PORT/);
  });
});
