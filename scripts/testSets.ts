/**
 * Which Vitest files are slow. `npm run test:fast` runs every other test file, for a developer's quick
 * loop (under a minute on an idle two-core machine); `npm test` runs both sets.
 *
 * A test file is slow when it
 *   - drives a real browser (Chromium), LibreOffice, electron-builder or the build, or binds a dossier
 *     or prints a PDF through the real engines (the fast set runs with both engines pointed at
 *     nothing, so such a test fails there rather than quietly starting a browser);
 *   - starts Node child processes (the CLI, a crash worker, another Vitest);
 *   - or takes more than about three seconds alone on an idle machine (property runs, many scrypt
 *     logins, several cores, long scenarios through the core): the fast set has to stay under a minute.
 * `*.chromium.test.ts` files are slow by name. A new slow test file: add it here with its reason.
 * Paths are relative to the repository; scripts/testSets.test.ts checks that each still exists.
 */

/** Where test files live (relative to the repository root). */
export const testFiles = [
  'common/**/*.test.ts',
  'main/**/*.test.ts',
  'preload/**/*.test.ts',
  'scripts/**/*.test.ts',
  'renderer/**/*.test.{ts,tsx}',
  'server/**/*.test.ts',
];

export const testExclude = ['node_modules/**', 'dist/**', 'e2e/**'];

export const slowByName = ['**/*.chromium.test.ts'];

/** Slow test files and why. */
export const slowFiles: Record<string, string> = {
  // Real PDF engines (Chromium, LibreOffice), poppler tools, dossiers bound through them.
  'main/core/documents/pdf/pdf.test.ts': 'both engines on every template',
  'main/core/documents/pdf/fontSets.test.ts': 'both engines and Playwright',
  'main/core/documents/pdf/keepWithSeal.test.ts': 'both engines, page after page',
  'main/core/documents/pdf/chromium.test.ts': 'kills real browsers',
  'main/core/documents/pdf/chromiumSandbox.test.ts': 'starts Chromium sandboxed and not',
  'main/core/dossier/assemble.test.ts': 'pdftoppm, pdffonts, pdftotext',
  'main/core/api/scenarios.test.ts':
    'every scenario to its bound dossier (Chromium), read back, qpdf --check, every document through LibreOffice too',
  'main/core/api/codeScenario.test.ts': 'a scenario to its bound dossier',
  'main/core/application/fileReview.test.ts': 'two scenarios bound (stand-in engine), read back with pdf.js',
  'main/core/api/ordinaryCase.test.ts': 'a case to its bound dossier',
  'main/core/api/sealServeArchive.test.ts': 'dossiers bound through the engines',
  'main/core/api/sealApproval.test.ts': 'dossiers bound through the engines',
  'main/core/api/procedures.test.ts': 'a dossier bound through the engines',
  'main/core/api/documentVersions.test.ts': 'finalised documents printed to PDF',
  'main/core/api/diskFull.test.ts': 'a dossier bound through the engines',
  'main/core/api/settings.test.ts': 'trial prints with each engine found on this PC',
  // The build and packaging.
  'main/app/electronBuilder.test.ts': 'builds and runs electron-builder',
  'main/app/asarPackage.test.ts': 'builds, packs app.asar and forks its core',
  // Child processes.
  'main/core/store/crash.test.ts': 'kill -9 of a worker process',
  'main/core/store/crashPoints.test.ts':
    'kill -9 of 16 worker processes, each directory checked and the operation redone',
  'main/core/testing/crashChecks.test.ts': 'a prepared case and a core per broken directory',
  'main/core/api/localFiles.test.ts': 'runs the CLI',
  'main/cli/anjuan.test.ts': 'runs the CLI into a pipe',
  'main/core/testing/sharedLawsCi.test.ts': 'runs Vitest in a child',
  // The provincial server: each starts a real embedded PostgreSQL (a child process, several seconds).
  'server/start.test.ts': 'embedded PostgreSQL, started three times',
  'server/routes/enrol.test.ts': 'embedded PostgreSQL',
  'server/sync/push.test.ts': 'embedded PostgreSQL',
  'server/sync/pull.test.ts': 'embedded PostgreSQL',
  'server/supervision/ranking.test.ts': 'embedded PostgreSQL',
  'server/ledgers/ledgers.test.ts': 'embedded PostgreSQL',
  'main/core/sync/client.test.ts': 'embedded PostgreSQL and four workstation cores syncing with it',
  'main/core/sync/numbers.test.ts': 'embedded PostgreSQL and five workstation cores drawing number blocks',
  'main/core/sync/files.test.ts': 'embedded PostgreSQL, a loopback proxy and a 50 MB resumable upload',
  'main/core/sync/faults.test.ts':
    'embedded PostgreSQL, three desks, 1,000 sync rounds through a fault-injecting proxy (about 50 s)',
  'main/core/sync/apart.property.test.ts': 'embedded PostgreSQL, two desks, 25 random interleavings on one case',
  'main/core/sync/threeDesks.test.ts': 'embedded PostgreSQL, three desks carrying a case to 归档 (about 20 s)',
  'main/core/sync/reference.test.ts': 'embedded PostgreSQL, each kind of reference data published and applied',
  'main/core/sync/reference/procedures.test.ts':
    'embedded PostgreSQL, procedure versions published, applied and cases pushed',
  'main/core/sync/reference/checklists.test.ts':
    'embedded PostgreSQL, industry checklist versions published and applied',
  'main/core/sync/tasks.test.ts': 'embedded PostgreSQL, a field task down to a desk and its result back up',
  'server/routes/tasks.test.ts': 'embedded PostgreSQL',
  'server/sync/pushParallel.test.ts': 'embedded PostgreSQL, pushes of two counties at once',
  'server/routes/updates.test.ts': 'embedded PostgreSQL',
  'server/numbers/unused.test.ts': 'embedded PostgreSQL',
  'server/routes/notices.test.ts': 'embedded PostgreSQL',
  'main/core/sync/notices.test.ts': 'embedded PostgreSQL, a notice and its file down to a desk, its receipt back up',
  'main/core/application/importPackage.test.ts': 'two workstations, a bound dossier exported and imported (about 14 s)',
  // Long by nature.
  'main/core/domain/procedure/property.test.ts': 'property runs over every procedure (about 30 s)',
  'main/core/domain/discretion/calculate.properties.test.ts': 'property runs',
  'main/core/api/accounts.test.ts': 'many scrypt password hashes',
  'main/core/api/laws.test.ts': 'imports every statute text in ../shared/laws',
  'main/core/backup/backup.test.ts': 'backups and restores of whole data directories',
  'main/core/api/badInput.test.ts': 'many cores and files',
  'main/core/api/discretion.test.ts': 'spreadsheet imports and exports',
  'main/core/api/updates.test.ts': 'many cores',
  'main/core/api/importLimits.test.ts': 'a million-row workbook, a 300,000-row CSV, a 30,000-row import timed',
  'main/core/api/spreadsheetExport.test.ts': 'xlsx exports read back',
  'main/core/api/atomicDataFiles.test.ts': 'imports on a filling disk, cores restarted',
  'main/core/dataFiles.test.ts': 'cores restarted on damaged data files',
  'main/core/store/caseStore.test.ts': 'sample cases replayed from their event logs',
  'main/core/dossier/buildCaseDossier.test.ts': 'dossiers bound from fixture PDFs',
  'main/core/api/templates.test.ts': 'templates checked and used through a core',
  'main/app/builderConfig.test.ts': "electron-builder's own loader and schema",
  'main/core/api/caseAccess.test.ts': 'several cores, every role logged in',
  'main/core/documents/activeContent.test.ts': 'crafted templates imported through cores',
  'main/core/store/filePermissions.test.ts': 'cores started on old data directories, every file checked',
  'scripts/bench/photoLoad.test.ts': '20 photos of 4000×3000 uploaded, thumbnailed and read back twice',
  'scripts/bench/peakRss.test.ts': 'a child process under tsx, spawned while this one holds 300 MB',
  'main/core/application/ocrScans.paddle.test.ts': 'the real OCR engine: PaddleOCR models loaded into ONNX Runtime',
  'main/core/ocr/workerEngine.test.ts': 'the real OCR engine in worker threads, models loaded in each new one',
};

export const slowTests = [...slowByName, ...Object.keys(slowFiles)];
