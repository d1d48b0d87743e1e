/**
 * The import boundaries of .dependency-cruiser.cjs catch what they are meant to: files that break a
 * rule of the house are planted in the tree (unique names, removed afterwards), cruised alone, and
 * each must be reported under its rule's name; a clean file must pass. The whole tree is cruised by
 * `npm run lint` (about 20 s here, too slow for this suite).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const knownExceptions = createRequire(import.meta.url)('./boundaryExceptions.cjs') as Record<
  string,
  Record<string, string[]>
>;

const tag = `planted${randomBytes(4).toString('hex')}`;
/** Each planted file: where it goes (relative to the repository), what it imports, which rules must fire. */
const planted: Array<{ file: string; source: string; rules: string[] }> = [
  {
    file: `main/core/domain/${tag}.ts`,
    source:
      "import { readFileSync } from 'node:fs';\nimport { Database } from '../store/sqlite.js';\nexport const x = [readFileSync, Database];\n",
    rules: ['domain-no-node-built-ins', 'domain-is-pure'],
  },
  {
    file: `main/core/domain/${tag}Path.ts`,
    source: "import { join } from 'path';\nexport const x = join;\n",
    rules: ['domain-no-node-built-ins'],
  },
  {
    file: `main/core/domain/${tag}Driver.ts`,
    source: "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;\n",
    rules: ['domain-is-pure'],
  },
  {
    file: `renderer/src/${tag}.ts`,
    source:
      "import { join } from 'node:path';\nimport type { Db } from '../../main/core/store/db.js';\nexport const x: [typeof join, Db | null] = [join, null];\n",
    rules: ['renderer-no-node', 'renderer-only-common'],
  },
  {
    file: `common/${tag}.ts`,
    source:
      "import { createHash } from 'node:crypto';\nimport { sha256Hex } from '#core/store/hashing.js';\nexport const x = [createHash, sha256Hex];\n",
    rules: ['common-no-node', 'common-stands-alone'],
  },
  {
    file: `main/core/api/${tag}.ts`,
    source: "import { app } from 'electron';\nexport const x = app;\n",
    rules: ['electron-only-in-the-shell'],
  },
  {
    file: `main/core/api/${tag}Types.ts`,
    source: "import type { BrowserWindow } from 'electron';\nexport type X = BrowserWindow;\n",
    rules: ['electron-only-in-the-shell'],
  },
  {
    file: `preload/${tag}.ts`,
    source:
      "import { hasControlChars } from '#common/schemas/primitives.js';\nimport { canCall } from '../renderer/src/app/canCall.js';\nexport const x = [hasControlChars, canCall];\n",
    rules: ['preload-only-common'],
  },
  {
    file: `main/app/${tag}.ts`,
    source: "import { openDatabase } from '../core/store/db.js';\nexport const x = openDatabase;\n",
    rules: ['shell-through-core-entry-points'],
  },
  {
    file: `server/${tag}.ts`,
    source: "import { CaseStore } from '#core/store/caseStore.js';\nexport const x = CaseStore;\n",
    rules: ['server-only-shared-code'],
  },
  {
    // The domain reads no file: reading a spreadsheet is the spreadsheet port's (spreadsheet/readTable.ts).
    file: `main/core/domain/enterprises/${tag}.ts`,
    source: "import { readXlsxRows } from '../../spreadsheet/xlsxStream.js';\nexport const x = readXlsxRows;\n",
    rules: ['domain-is-pure'],
  },
  {
    // The domain sits below the use cases: no arrow climbs back from it to the application layer.
    file: `main/core/domain/${tag}App.ts`,
    source: "import { openCase } from '#core/application/openCase.js';\nexport const x = openCase;\n",
    rules: ['domain-is-pure'],
  },
  {
    file: `main/core/application/${tag}.ts`,
    source:
      "import { requireUser } from '#core/api/types.js';\nimport { waitForJob } from '../../cli/waitForJob.js';\nexport const x = [requireUser, waitForJob];\n",
    rules: ['application-below-transports'],
  },
  {
    file: `main/core/application/${tag}Host.ts`,
    source: "import { resolveDataDir } from '../../host/dataDir.js';\nexport const x = resolveDataDir;\n",
    rules: ['application-below-transports'],
  },
  {
    file: `main/core/store/${tag}.ts`,
    source:
      "import { openCase } from '../application/openCase.js';\nimport { createDispatcher } from '../api/dispatch.js';\nexport const x = [openCase, createDispatcher];\n",
    rules: ['store-below-application'],
  },
  {
    // Test support that starts the test server belongs to server/testing/, not to the workstation's code.
    file: `main/core/testing/${tag}.ts`,
    source:
      "import { startTestServer } from '../../../server/testing/testServer.js';\nexport const x = startTestServer;\n",
    rules: ['workstation-knows-no-server'],
  },
  {
    file: `main/core/domain/${tag}Missing.ts`,
    source: `import { nothing } from './${tag}DoesNotExist.js';\nexport const x = nothing;\n`,
    rules: ['no-unresolvable'],
  },
];
/** Allowed: the domain with its own files, common/ and a pure package; the shell with electron and what it may use of the core. */
const clean = [
  {
    file: `main/core/domain/${tag}Clean.ts`,
    source:
      "import { z } from 'zod';\nimport { addDays } from './dates.js';\nimport { roleNames } from '../../../common/roles.js';\nexport const x = [z, addDays, roleNames];\n",
  },
  {
    file: `main/app/${tag}Clean.ts`,
    source:
      "import { app } from 'electron';\nimport { SerialQueue } from '../core/documents/pdf/serial.js';\nexport const x = [app, SerialQueue];\n",
  },
  {
    // A test outside the shell may describe Electron's objects by their types.
    file: `main/core/api/${tag}Clean.test.ts`,
    source: "import type { BrowserWindow } from 'electron';\nexport type X = BrowserWindow;\n",
  },
  {
    // The use cases use the domain, the store and the other ports; the api adapters use the use cases.
    file: `main/core/application/${tag}Clean.ts`,
    source:
      "import { addDays } from '#core/domain/dates.js';\nimport { formatNumber } from '#core/store/sequences.js';\nexport const x = [addDays, formatNumber];\n",
  },
  {
    file: `main/core/api/${tag}CleanAdapter.ts`,
    source: "import { openCase } from '#core/application/openCase.js';\nexport const x = openCase;\n",
  },
  {
    file: `server/${tag}Clean.ts`,
    source:
      "import { canonicalJson } from '#core/store/hashing.js';\nimport type { CaseEvent } from '#core/domain/events.js';\nexport const x: [typeof canonicalJson, CaseEvent | null] = [canonicalJson, null];\n",
  },
];

/** Two files in an import circle, one of its arrows a type import (cruised apart: see its test). */
const circle = [
  {
    file: `main/core/documents/${tag}CircleA.ts`,
    source: `import { b } from './${tag}CircleB.js';\nexport type A = { n: number };\nexport const a = b;\n`,
  },
  {
    file: `main/core/documents/${tag}CircleB.ts`,
    source: `import type { A } from './${tag}CircleA.js';\nexport const b: A = { n: 1 };\n`,
  },
];

let options: ICruiseOptions;
let tsConfig: ReturnType<typeof extractTSConfig>;

async function cruiseFiles(files: string[], opts: ICruiseOptions = options, maxDepth = 1): Promise<ICruiseResult> {
  const cwd = process.cwd();
  process.chdir(root); // the rules' paths are relative to the repository
  try {
    // By default only the planted files' own imports: their targets are resolved, not cruised further.
    const r = await cruise(files, { ...opts, maxDepth }, {}, { tsConfig });
    return r.output as ICruiseResult;
  } finally {
    process.chdir(cwd);
  }
}

function violationsFrom(result: ICruiseResult, file: string): string[] {
  return [...new Set(result.summary.violations.filter((v) => v.from === file).map((v) => v.rule.name))].sort();
}

describe('import boundaries (.dependency-cruiser.cjs)', () => {
  beforeAll(async () => {
    options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
    options.validate = true;
    tsConfig = extractTSConfig(join(root, 'tsconfig.json'));
  });

  it('reports each planted violation under the rule of the house it breaks, and passes clean files', async () => {
    try {
      for (const p of [...planted, ...clean]) {
        mkdirSync(dirname(join(root, p.file)), { recursive: true });
        writeFileSync(join(root, p.file), p.source);
      }
      const result = await cruiseFiles([...planted, ...clean].map((p) => p.file));
      for (const p of planted) expect(violationsFrom(result, p.file), p.file).toEqual([...p.rules].sort());
      for (const c of clean) expect(violationsFrom(result, c.file), c.file).toEqual([]);
    } finally {
      for (const p of [...planted, ...clean]) rmSync(join(root, p.file), { force: true });
    }
  }, 60_000);

  it('reports an import circle, a type import as one of its arrows', async () => {
    try {
      for (const c of circle) writeFileSync(join(root, c.file), c.source);
      // Followed to the end (0: no limit): at depth 1 the cruise stops before the arrow that closes the
      // circle. The two files import nothing else, so this cruises only them.
      const files = circle.map((c) => c.file);
      const result = await cruiseFiles(files, options, 0);
      expect(result.summary.violations.map((v) => [v.rule.name, v.from, v.to])).toEqual([
        ['no-circular', circle[0]!.file, circle[1]!.file],
      ]);
    } finally {
      for (const c of circle) rmSync(join(root, c.file), { force: true });
    }
  }, 60_000);

  it('lists as known exceptions only imports that still exist (remove an entry once its import has moved)', async () => {
    const listed = Object.values(knownExceptions).flatMap((byFile) => Object.entries(byFile));
    const result = await cruiseFiles(
      listed.map(([file]) => file),
      { ...options, validate: false },
    );
    for (const [file, targets] of listed) {
      const imports = result.modules.find((m) => m.source === file)?.dependencies.map((d) => d.resolved) ?? [];
      for (const target of targets)
        expect(
          imports.some((i) => new RegExp(target).test(i)),
          `${file} → ${target}`,
        ).toBe(true);
    }
  }, 60_000);
});
