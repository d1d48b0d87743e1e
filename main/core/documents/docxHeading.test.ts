import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { templatesDir } from '../paths.js';
import { documentHeading, titleLines } from './docxHeading.js';
import { docxTitle } from './docxTitle.js';
import { sampleDocx, sampleNumber } from './fixtures.js';
import { sampleInputs } from './fixtureInputs.js';
import { loadManifest } from './manifest.js';

const manifest = loadManifest();
const template = (id: string) => manifest.find((t) => t.id === id)!;
const xmlOf = (docx: Buffer) => new PizZip(docx).file('word/document.xml')!.asText();

describe('the title a document bears', () => {
  it('every shipped template has one 二号 line; with no tag in it, the document is called by the template name', () => {
    // The cover prints the file's name (行政处罚案卷), not its own: it stays 卷宗封面.
    const wrong = manifest
      .map((t) => {
        const bytes = readFileSync(join(templatesDir(), t.file));
        return { t, lines: titleLines(xmlOf(bytes)), heading: documentHeading(bytes, t.name) };
      })
      .filter(({ t, lines, heading }) => lines.length !== 1 || (!lines[0]!.includes('{') && heading !== t.name))
      .map(({ t, lines }) => `${t.id}: ${lines.join(' / ')}`);
    expect(wrong).toEqual([]);
    expect(titleLines(xmlOf(readFileSync(join(templatesDir(), template('dossier-cover').file))))).toEqual([
      '行政处罚案卷',
    ]);
  });

  it.each([
    ['seizure-decision', { seizureMeasure: '查封' }, '查封决定书'],
    ['seizure-decision', { seizureMeasure: '扣押' }, '扣押决定书'],
    ['seizure-decision', { seizureMeasure: '查封、扣押' }, '查封、扣押决定书'],
    ['restriction-decision', { restrictionMeasure: '限制生产' }, '责令限制生产决定书'],
    ['restriction-decision', { restrictionMeasure: '停产整治' }, '责令停产整治决定书'],
    ['deferral-notice', { deferralKind: '延期' }, '同意延期缴纳罚款通知书'],
  ])('%s with %j is titled %s, in the record and in the PDF Title', (id, typed, title) => {
    const t = template(id);
    const docx = sampleDocx(t, { ...sampleInputs[id], ...typed });
    expect(documentHeading(docx, t.name)).toBe(title);
    expect(docxTitle(new PizZip(docx))).toBe(`${title} ${sampleNumber(t)}`);
  });

  it('a fixed title is the template name: 送 达 回 证 is 送达回证', () => {
    const t = template('service-receipt');
    expect(documentHeading(sampleDocx(t), t.name)).toBe('送达回证');
  });

  it("without a 二号 line, or one not ending as the template's name ends, the template's name stands", () => {
    const doc = (body: string) => {
      const zip = new PizZip();
      zip.file('word/document.xml', `<w:document><w:body>${body}</w:body></w:document>`);
      return zip;
    };
    const line = (text: string, sz: number) =>
      `<w:p><w:r><w:rPr><w:sz w:val="${sz}"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    expect(documentHeading(doc(line('查封决定书', 36)), '查封(扣押)决定书')).toBe('查封(扣押)决定书');
    expect(documentHeading(doc(line('某某生态环境局', 44)), '查封(扣押)决定书')).toBe('查封(扣押)决定书');
    expect(documentHeading(doc(line('某某生态环境局', 44) + line('扣押决定书', 44)), '查封(扣押)决定书')).toBe(
      '扣押决定书',
    );
    expect(documentHeading(doc(line('A&amp;B 决定书', 44)), '决定书')).toBe('A&B决定书');
  });
});
