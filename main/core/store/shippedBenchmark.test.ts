import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './db.js';
import { DiscretionStore } from './discretionStore.js';
import { saveShippedBenchmark } from './shippedBenchmark.js';
import { loadBenchmark } from '../services.js';
import { resourcesDir } from '../paths.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('the shipped discretion benchmark at start', () => {
  it('is parsed and saved once per file: the same bytes again skip it, a changed file is saved again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-shipped-'));
    dirs.push(dir);
    const file = join(dir, 'violations.json');
    copyFileSync(join(resourcesDir(), 'discretion', 'violations.json'), file);
    const db = openDatabase(join(dir, 'a.sqlite'));
    const store = new DiscretionStore(db);
    let loads = 0;
    const load = (f: string) => {
      loads++;
      return loadBenchmark(f);
    };
    expect(saveShippedBenchmark(db, store, file, load, '2026-12-07T02:00:00.000Z')).toBe(true);
    const version = store.benchmark().version;
    expect(saveShippedBenchmark(db, store, file, load, '2026-12-07T03:00:00.000Z')).toBe(false);
    expect(loads).toBe(1);

    const changed = JSON.parse(readFileSync(file, 'utf8')) as { name: string };
    changed.name = `${changed.name}（修订）`;
    writeFileSync(file, JSON.stringify(changed));
    expect(saveShippedBenchmark(db, store, file, load, '2026-12-07T04:00:00.000Z')).toBe(true);
    expect(loads).toBe(2);
    expect(store.benchmark(version).name).toBe(changed.name); // the shipped row replaced in place, as saveShipped does
    db.close();
  });
});
