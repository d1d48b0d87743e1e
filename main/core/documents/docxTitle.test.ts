import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { docxPackage } from '../../../scripts/templates/package.js';
import { para } from '../../../scripts/templates/ooxml.js';
import { documentTitle, docxTitle, setDocxTitle } from './docxTitle.js';
import { sampleDocx } from './fixtures.js';
import { loadManifest } from './manifest.js';

describe('a document’s name in its metadata', () => {
  it('is the name and the 文号, or the name alone', () => {
    expect(documentTitle('行政处罚决定书', '黔东南环罚〔2026〕12号')).toBe('行政处罚决定书 黔东南环罚〔2026〕12号');
    expect(documentTitle('送达回证', null)).toBe('送达回证');
    expect(documentTitle('送达回证', '  ')).toBe('送达回证');
  });

  it('is written into every generated document', () => {
    const t = loadManifest().find((m) => m.id === 'penalty-decision')!;
    const title = docxTitle(new PizZip(sampleDocx(t)));
    expect(title).toMatch(/^行政处罚决定书 .+〔\d{4}〕\d+号$/);
    const receipt = loadManifest().find((m) => m.id === 'service-receipt')!;
    expect(docxTitle(new PizZip(sampleDocx(receipt)))).toBe(receipt.name);
  });

  it('replaces a template’s title, escapes markup, and adds the part a template lacks', () => {
    const zip = new PizZip(docxPackage({ title: '模板', version: '1', body: [para('正文')], footer: 'dash' }));
    zip.remove('docProps/core.xml');
    setDocxTitle(zip, 'A&B <决定书>');
    expect(docxTitle(zip)).toBe('A&B <决定书>');
    expect(zip.file('docProps/core.xml')!.asText()).toContain('A&amp;B &lt;决定书&gt;');
    expect(zip.file('[Content_Types].xml')!.asText()).toContain('PartName="/docProps/core.xml"');
    expect(zip.file('_rels/.rels')!.asText()).toContain('Target="docProps/core.xml"');
    setDocxTitle(zip, '第二次');
    expect(docxTitle(zip)).toBe('第二次');
    expect(
      zip
        .file('docProps/core.xml')!
        .asText()
        .match(/<dc:title>/g),
    ).toHaveLength(1);
  });
});
