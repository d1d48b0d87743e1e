// Builds everything that runs outside the dev tools, to fixed places (convention over configuration):
//   dist/renderer/        the React app (Vite)
//   dist/core/host.mjs    the web host (plain Node)            dist/core/utility.cjs  the core in Electron's utilityProcess
//   dist/app/main.cjs     the Electron shell                   dist/preload/index.cjs the preload bridge
//   dist/core/ocrWorker.cjs  the OCR worker thread, started by either core bundle
//   dist/bench/render41.mjs  the bench's render, built as the core is (scripts/bench/render41Child.ts)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const external = [
  'better-sqlite3-multiple-ciphers',
  'electron',
  'subset-font',
  'pdfjs-dist',
  'electron-updater',
  'sharp',
  // OCR (ocr/paddle.ts): the ONNX Runtime addon loads its library by path, from node_modules as it ships.
  'onnxruntime-node',
];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  absWorkingDir: root,
};

// ESM bundles still load CommonJS dependencies with require().
const esm = {
  format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
const jobs = [
  build({ ...common, ...esm, entryPoints: ['main/host/start.ts'], outfile: 'dist/core/host.mjs' }),
  build({ ...common, ...esm, entryPoints: ['scripts/bench/render41Child.ts'], outfile: 'dist/bench/render41.mjs' }),
  // The OCR worker thread (ocr/workerEngine.ts), started by either core bundle. CommonJS: Electron's
  // worker threads read it from inside app.asar through the require hooks, as the utility's own.
  build({ ...common, entryPoints: ['main/core/ocr/ocrWorker.ts'], outfile: 'dist/core/ocrWorker.cjs', format: 'cjs' }),
];
if (existsSync(`${root}main/host/utility.ts`)) {
  jobs.push(
    build({ ...common, entryPoints: ['main/host/utility.ts'], outfile: 'dist/core/utility.cjs', format: 'cjs' }),
  );
}
if (existsSync(`${root}main/app/main.ts`)) {
  jobs.push(build({ ...common, entryPoints: ['main/app/main.ts'], outfile: 'dist/app/main.cjs', format: 'cjs' }));
}
if (existsSync(`${root}preload/index.ts`)) {
  // Sandboxed preloads may require only 'electron' (and a few Node built-ins): bundle everything else.
  jobs.push(
    build({
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: 'dist/preload/index.cjs',
      format: 'cjs',
      external: ['electron'],
    }),
  );
}
// The supervision portal the provincial server serves at /portal/ (portal/, served from dist/portal).
mkdirSync(`${root}dist/portal`, { recursive: true });
copyFileSync(`${root}portal/index.html`, `${root}dist/portal/index.html`);
jobs.push(
  build({
    ...{ bundle: true, absWorkingDir: root, logLevel: 'warning', minify: true, jsx: 'automatic' },
    ...{ entryPoints: ['portal/main.tsx'], outfile: 'dist/portal/portal.js', format: 'esm', target: 'es2022' },
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
);
await Promise.all(jobs);
execFileSync(
  process.execPath,
  [`${root}node_modules/vite/bin/vite.js`, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
