/**
 * Import boundaries: the rules of the house (docs/architecture.md) that a machine can check from
 * the import graph. `npm run lint` runs them on the whole tree; scripts/boundaries.test.ts plants a
 * violation of each kind and expects its rule's name. SQL outside the store cannot be seen in
 * imports: scripts/houseRules.test.ts greps for it. Why each tool: docs/decisions.md.
 *
 * Tests (`*.test.ts(x)`) may reach further than the code they test — a domain test reads fixtures from
 * disk, a shell test drives a real engine of the core — except where a rule says otherwise.
 */

const test = '\\.test\\.tsx?$';
/** Node's built-ins, with or without the `node:` prefix (dependency-cruiser's "core" type). */
const nodeBuiltIns = { dependencyTypes: ['core'] };
/** Where electron may be imported, and electron itself. */
const shell = ['^main/app/', '^preload/', '^scripts/start\\.mjs$'];
const electron = '(^|/)node_modules/electron/';

/**
 * What the Electron shell (main/app) may use of the core. The shell runs the core in a utilityProcess
 * and talks to it only through messages; in its own process it prints PDFs for the core's engine, so it
 * shares that engine's wire format, the harness files it serves and the queue that serialises prints.
 */
const shellMayUse = [
  '^main/core/documents/pdf/electronWire\\.ts$',
  '^main/core/documents/pdf/harnessFiles\\.ts$',
  '^main/core/documents/pdf/serial\\.ts$',
];

/**
 * What the provincial server may use of the workstation: the domain (it re-validates what a
 * workstation sends with the same rules) and the store's hashing (canonical JSON, SHA-256, the
 * event hash: it re-checks the chain).
 */
const serverMayUse = ['^main/core/domain/', '^main/core/store/(eventHash|hashing)\\.ts$'];

/** Imports that break a rule today, each listed with its file, to be moved (the list only shrinks). */
const knownExceptions = require('./scripts/boundaryExceptions.cjs');
const asList = (x) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const exactly = (file) => `^${file.replaceAll('.', '\\.')}$`;
/**
 * The rule, and for each file with known exceptions the same rule (same name) from that file alone
 * with its listed targets tolerated: an exception covers one file's imports, not the whole folder's.
 */
function withExceptions(rule, exceptions) {
  const files = Object.keys(exceptions);
  return [
    { ...rule, from: { ...rule.from, pathNot: [...asList(rule.from.pathNot), ...files.map(exactly)] } },
    ...files.map((file) => ({
      ...rule,
      from: { path: exactly(file) },
      to: { ...rule.to, pathNot: [...asList(rule.to.pathNot), ...exceptions[file]] },
    })),
  ];
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...withExceptions(
      {
        name: 'domain-is-pure',
        comment:
          'House rule 1: the domain (main/core/domain) does no I/O, reads no clock, makes no ids. It imports ' +
          'no Node built-in, no database driver, no electron, and nothing of the core that does I/O ' +
          '(store, application, api, documents, dossier, backup, …) nor of the transports: only itself, common/ and pure packages.',
        severity: 'error',
        from: { path: '^main/core/domain/', pathNot: test },
        to: {
          path: [
            '^main/(app|host|cli)/',
            '^main/core/(?!domain/)',
            '^(server|renderer|preload)/',
            '(^|/)node_modules/(better-sqlite3[^/]*|electron)/',
          ],
        },
      },
      knownExceptions.domain,
    ),
    {
      name: 'domain-no-node-built-ins',
      comment: 'House rule 1: the domain does no I/O — no fs, path, crypto, child_process, … (with or without node:).',
      severity: 'error',
      from: { path: '^main/core/domain/', pathNot: test },
      to: nodeBuiltIns,
    },
    {
      name: 'electron-only-in-the-shell',
      comment:
        'House rule 6: Electron stays thin — only main/app and preload import electron (scripts/start.mjs only ' +
        'asks the package where its binary is, to launch it).',
      severity: 'error',
      from: { pathNot: [...shell, test] },
      to: { path: electron },
    },
    {
      name: 'electron-only-in-the-shell',
      comment: "House rule 6, for tests outside the shell: they may import electron's types, never electron.",
      severity: 'error',
      from: { path: test, pathNot: shell },
      to: { path: electron, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node',
      comment:
        'House rule 2: the renderer is a sandboxed page; it imports no Node built-in (its build config, ' +
        'renderer/vite.config.ts, runs in Node and is not part of it).',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: test },
      to: nodeBuiltIns,
    },
    {
      name: 'renderer-only-common',
      comment:
        'House rule 2: the renderer talks to the core only through send(op, input); of the repository it ' +
        'imports only common/ and its own files — nothing of main/, server/ or preload/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|server|preload)/' },
    },
    {
      name: 'common-stands-alone',
      comment:
        'House rule 2: common/ is the contract every side shares (renderer, core, server); it imports none of them.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(main|renderer|server|preload)/' },
    },
    {
      name: 'common-no-node',
      comment: 'House rule 2: the renderer imports common/, so common/ imports no Node built-in either.',
      severity: 'error',
      from: { path: '^common/', pathNot: test },
      to: nodeBuiltIns,
    },
    {
      name: 'shell-through-core-entry-points',
      comment:
        "House rule 6: the shell (main/app) does not reach into the core's folders; it runs the core in a " +
        'utilityProcess (main/host/utility.ts) and uses of it only the PDF printing it does for the core ' +
        '(see shellMayUse). Its tests may drive more of the core.',
      severity: 'error',
      from: { path: '^main/app/', pathNot: test },
      to: { path: '^main/core/', pathNot: shellMayUse },
    },
    {
      name: 'preload-only-common',
      comment: 'House rule 6: the preload bridge carries envelopes; of the repository it imports only common/.',
      severity: 'error',
      from: { path: '^preload/', pathNot: test },
      to: { path: '^(main|renderer|server)/' },
    },
    ...withExceptions(
      {
        name: 'server-only-shared-code',
        comment:
          "The provincial server shares with the workstation only common/, the domain and the store's event " +
          'hashing (see serverMayUse): never its store, api, documents or shell. Its tests may use more.',
        severity: 'error',
        // server/testing/ is test support (fixtures for the tests), like the tests themselves.
        from: { path: '^server/', pathNot: [test, '^server/testing/'] },
        to: { path: '^(main|renderer|preload)/', pathNot: serverMayUse },
      },
      knownExceptions.server,
    ),
    {
      name: 'workstation-knows-no-server',
      comment:
        'The workstation talks to the provincial server only over HTTP (main/core/sync, common/sync for the ' +
        'shapes): none of its code imports server/. Its tests may start a test server (server/testing/).',
      severity: 'error',
      from: { path: '^(main|renderer|preload)/', pathNot: test },
      to: { path: '^server/' },
    },
    {
      name: 'application-below-transports',
      comment:
        'The application layer (main/core/application: one use case per file) sits between the transports and ' +
        'the domain: the api adapters, the web host, the CLI, the shell and the server call it, it calls none of ' +
        'them and knows no transport, session or envelope. Its tests may drive the core through the api.',
      severity: 'error',
      from: { path: '^main/core/application/', pathNot: test },
      to: { path: ['^main/core/api/', '^main/(app|host|cli)/', '^(renderer|preload|server)/'] },
    },
    {
      name: 'store-below-application',
      comment:
        'The store is a port the use cases call (SQL only there): it imports neither the application layer nor ' +
        'the api adapters.',
      severity: 'error',
      from: { path: '^main/core/store/', pathNot: test },
      to: { path: '^main/core/(application|api)/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import circle anywhere, type imports included (tsPreCompilationDeps): modules in a circle cannot be ' +
        'read, tested or loaded one without the other (an ES module in one may run before what it imports has ' +
        'finished), and the layers above lose their direction. What two modules share goes to the one it belongs ' +
        'to or to a small module of its own (the services object, built from everything and handed to everything, ' +
        'names its parts by type: syncPort.ts for the sync client). Tests too: none needs a circle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that cannot be resolved escapes every rule above (and fails at run time): each must resolve.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages are resolved (so a rule can name them) but not cruised; excluding them would hide them.
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: ['^dist/', '^release/', '^test-results/', '^resources/', '^templates/'] },
    // Type-only imports count: a type from the store in the renderer couples them as much as a value.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
      // devtools-protocol ships types only (a "types" field, no "main").
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
