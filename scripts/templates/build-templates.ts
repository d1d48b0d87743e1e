/**
 * Writes the document templates and their manifest into templates/:
 *   npx tsx scripts/templates/build-templates.ts [outDir]
 *
 * The .docx files it writes are the source of truth from then on: clerks and provincial IT edit
 * them in Word/WPS. Re-running this script overwrites such edits, so run it only to start over
 * or when the generated structure itself changes (and review the diff of manifest.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateInfo, type TemplateInfo } from '#common/schemas/documents.js';
import { templatesDir } from '#core/paths.js';
import { catalog } from './catalog.js';
import { docxPackage } from './package.js';

function main(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const { info, footer, body } of catalog) {
    const bytes = docxPackage({ title: info.name, version: info.version, body: body(), footer });
    writeFileSync(join(outDir, info.file), bytes);
    console.log(`${info.file}\t${bytes.length} bytes\t${info.name}`);
  }
  // Parsing puts the keys in the schema's order; one field per line keeps the file easy to review.
  const manifest = catalog.map((e) => templateInfo.parse(e.info));
  writeFileSync(join(outDir, 'manifest.json'), formatManifest(manifest));
  console.log(`manifest.json\t${manifest.length} templates`);
}

function formatManifest(manifest: TemplateInfo[]): string {
  const entries = manifest.map((t) => {
    const { fields, ...head } = t;
    const lines = Object.entries(head).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    const fieldLines = fields.map((f) => `      ${JSON.stringify(f)}`).join(',\n');
    return `  {\n${lines.join('\n')}\n    "fields": [\n${fieldLines}\n    ]\n  }`;
  });
  return `[\n${entries.join(',\n')}\n]\n`;
}

main(process.argv[2] ?? templatesDir());
