import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import type { TemplateInfo } from '#common/schemas/documents.js';
import { templatesDir } from '../paths.js';
import { sampleBureau, sampleCaseState, sampleDocx, sampleInputs } from './fixtures.js';
import { findTemplate, loadManifest } from './manifest.js';
import { docxText, renderDocx } from './render.js';
import { buildTemplateData } from './templateData.js';
import { rejectedAppError } from '../testing/appError.js';

const manifest = loadManifest();
const tpl = (id: string): TemplateInfo => findTemplate(manifest, id);
const templateXml = (t: TemplateInfo, part = 'word/document.xml'): string =>
  new PizZip(readFileSync(join(templatesDir(), t.file))).file(part)!.asText();

/** The sample template with its document.xml changed, to make broken templates from good ones. */
function tampered(t: TemplateInfo, change: (xml: string) => string): Buffer {
  const zip = new PizZip(readFileSync(join(templatesDir(), t.file)));
  zip.file('word/document.xml', change(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}
const sampleData = (t: TemplateInfo) =>
  buildTemplateData({
    state: sampleCaseState(),
    bureau: sampleBureau,
    number: null,
    fields: sampleInputs[t.id] ?? {},
    today: '2026-04-01',
  });

describe('every template', () => {
  it.each(manifest.map((t) => [t.id, t] as const))('%s renders the sample case with no tag left over', (_id, t) => {
    const text = docxText(sampleDocx(t));
    expect(text).toContain('贵州某某塑料再生有限公司');
    expect(text).not.toMatch(/[{}]/);
    // A reference or a value the case could not fill would show as empty brackets.
    expect(text).not.toMatch(/（）|《》/);
  });

  it.each(manifest.map((t) => [t.id, t] as const))('%s is an A4 official-format document Word can open', (_id, t) => {
    const xml = templateXml(t);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    // GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips).
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/w:eastAsia="(宋体|仿宋|黑体)"/);
    if (xml.includes('<w:tbl>')) expect(xml.match(/<w:tr>/g)!.length).toBe(xml.match(/<w:cantSplit\/>/g)!.length);
    expect(templateXml(t, 'word/footer1.xml')).toMatch(/<w:instrText[^>]*> PAGE <\/w:instrText>/);
    expect(templateXml(t, '[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
  });

  it.each(manifest.map((t) => [t.id, t] as const))(
    '%s uses only tags the data builder or its form supplies',
    (_id, t) => {
      const data = sampleData(t);
      // Tags inside a loop name the keys of the list's items (evidence, seized things, photos …).
      const itemKeys = Object.values(data)
        .filter(Array.isArray)
        .flatMap((list) => list.flatMap((item) => (item && typeof item === 'object' ? Object.keys(item) : [])));
      const known = new Set([...Object.keys(data), ...t.fields.map((f) => f.key), ...itemKeys]);
      const tags = [...docxText(readFileSync(join(templatesDir(), t.file))).matchAll(/\{[#/^]?([^{}]+)\}/g)].map(
        (m) => m[1]!,
      );
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(known.has(tag), `{${tag}} in ${t.file}`).toBe(true);
      for (const f of t.fields.filter((x) => x.source === 'case'))
        expect(data, `case field ${f.key}`).toHaveProperty(f.key);
    },
  );
});

describe('refusals', () => {
  it('names a required input left empty (FIELDS_REQUIRED)', async () => {
    const t = tpl('inspection-record');
    const { inspectionPlace: _omit, ...fields } = sampleInputs['inspection-record']!;
    const e = await rejectedAppError(() => sampleDocx(t, { ...fields, inspectionFindings: '   ' }));
    expect(e.code).toBe('FIELDS_REQUIRED');
    expect(e.message).toContain('检查地点');
    expect(e.message).toContain('检查情况');
    expect(e.details).toEqual(['inspectionPlace', 'inspectionFindings']);
  });

  it('leaves an optional input out without complaint', () => {
    const { inspectionEnd: _omit, ...fields } = sampleInputs['inspection-record']!;
    const text = docxText(sampleDocx(tpl('inspection-record'), fields));
    expect(text).toContain('检查(勘察)时间：2026年3月2日9时30分');
    expect(text).not.toContain('至2026');
  });

  it('refuses random bytes as a template (TEMPLATE_INVALID)', async () => {
    const t = tpl('penalty-notice');
    const e = await rejectedAppError(() =>
      renderDocx({ template: t, templateBytes: randomBytes(4096), data: sampleData(t) }),
    );
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain(t.file);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new PizZip();
    zip.file('hello.txt', 'not a document');
    const t = tpl('penalty-notice');
    const e = await rejectedAppError(() =>
      renderDocx({ template: t, templateBytes: zip.generate({ type: 'nodebuffer' }), data: sampleData(t) }),
    );
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('word/document.xml');
  });

  it('names an unclosed tag and where it is', async () => {
    const t = tpl('penalty-notice');
    const bytes = tampered(t, (xml) => xml.replace('{partyName}：', '{unclosed：'));
    const e = await rejectedAppError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('unclosed');
    expect(e.message).toMatch(/位置 \d+/);
    expect(e.details).toMatchObject({ template: 'penalty-notice' });
  });

  it('names a tag no data supplies, instead of printing a blank', async () => {
    const t = tpl('penalty-decision');
    const bytes = tampered(t, (xml) => xml.replace('{partyAddress}', '{partyPhone}'));
    const e = await rejectedAppError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('{partyPhone}');
    expect(e.details).toMatchObject({ tag: 'partyPhone' });
  });

  it('names an unknown loop', async () => {
    const t = tpl('penalty-decision');
    const bytes = tampered(t, (xml) =>
      xml.replace('{#evidenceList}', '{#exhibits}').replace('{/evidenceList}', '{/exhibits}'),
    );
    const e = await rejectedAppError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toContain('exhibits');
  });

  it('names a loop closed by the wrong tag', async () => {
    const t = tpl('penalty-decision');
    const bytes = tampered(t, (xml) => xml.replace('{/evidenceList}', '{/evidence}'));
    const e = await rejectedAppError(() => renderDocx({ template: t, templateBytes: bytes, data: sampleData(t) }));
    expect(e.code).toBe('TEMPLATE_INVALID');
    expect(e.message).toMatch(/evidence/);
  });
});

describe('docxText', () => {
  it('keeps paragraphs, line breaks and escaped characters', () => {
    const zip = new PizZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>甲&amp;乙</w:t><w:br/><w:t xml:space="preserve">丙 </w:t></w:r></w:p>' +
        '<w:p><w:r><w:tab/><w:t>&lt;丁&gt;</w:t></w:r></w:p></w:body></w:document>',
    );
    expect(docxText(zip.generate({ type: 'nodebuffer' }))).toBe('甲&乙\n丙 \n\t<丁>');
  });
});
