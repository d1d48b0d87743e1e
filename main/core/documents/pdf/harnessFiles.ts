/**
 * What the print harness page loads, by path relative to the page: the page and its script
 * (harness.ts), jszip and docx-preview from node_modules, and the print versions of the bundled
 * fonts (printFonts.ts: `fonts/<name>.ttf` the common set, `fonts/full/<name>.ttf` the full one, the
 * latter fetched only for a document with a character outside the common set). One answer for both places that serve it — the Chromium engine's request
 * interception and the Electron shell's app://pdf/ — so the two engines lay out the same page.
 * No Electron and no font building here: the shell bundles this file.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { harnessHtml, harnessScript } from './harness.js';

export type HarnessFile = { contentType: string } & ({ text: string } | { file: string });

/** The two libraries' files, resolved from the app's root (the project folder, or app.asar when installed). */
export function harnessScriptFiles(appRoot: string): Record<string, string> {
  const require = createRequire(join(appRoot, 'package.json'));
  return {
    'jszip.min.js': require.resolve('jszip/dist/jszip.min.js'),
    // The package exports only its entry points; the CommonJS one is the UMD build browsers can load.
    'docx-preview.js': require.resolve('docx-preview'),
  };
}

const js = 'text/javascript; charset=utf-8';

/**
 * The file behind `path` (no leading slash), or null for anything else. `fontsDir` is the folder of
 * the print fonts (printFonts.ts): `fonts/<name>.ttf` is the common version, `fonts/full/<name>.ttf`
 * the full one, and nothing else (no other folder, no `..`). `fontsDir` null: no font is served.
 * `scripts` is asked only for a library's file (resolving them may throw in a broken installation).
 */
export function harnessFile(
  path: string,
  scripts: () => Record<string, string>,
  fontsDir: string | null,
): HarnessFile | null {
  if (path === 'harness.html') return { contentType: 'text/html; charset=utf-8', text: harnessHtml() };
  if (path === 'harness.js') return { contentType: js, text: harnessScript };
  if (path.endsWith('.js')) {
    const files = scripts();
    return Object.hasOwn(files, path) ? { contentType: js, file: files[path]! } : null;
  }
  const font = /^fonts\/(full\/)?([\w-]+\.ttf)$/.exec(path);
  if (font?.[2] && fontsDir)
    return { contentType: 'font/ttf', file: join(fontsDir, font[1] ? 'full' : 'common', font[2]) };
  return null;
}
