import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { templatesDir } from '../paths.js';
import { docxText } from '../documents/render.js';

let t: TestCore;
let head: string;
let officer: string;
beforeAll(async () => {
  t = await createTestCore();
  head = await t.login('head');
  officer = await t.login('officer');
});
afterAll(async () => t?.close());

const original = () => readFileSync(join(templatesDir(), 'filing-approval.docx'));
function edited(from: string, to: string): string {
  const zip = new PizZip(original());
  zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace(from, to));
  return zip.generate({ type: 'nodebuffer' }).toString('base64');
}

describe('template management', () => {
  it('refuses a broken template with each problem and its place, and keeps using the current one', async () => {
    const f = await expectFailure(
      t.call(head, 'templates.import', {
        type: 'filing-approval',
        fileName: '立案审批表.docx',
        contentBase64: edited('{summary}', '{summry}'),
      }),
    );
    expect(f.code).toBe('TEMPLATE_INVALID');
    expect(f.message).toMatch(/标签\{summry\}不是本文书可用的数据项（第\d+段）/);
    expect(f.message).toMatch(/必备项“简要案情”/);
    expect(await t.call(officer, 'templates.versions', { type: 'filing-approval' })).toEqual([
      { version: '2026.1', source: 'bundled' },
    ]);
    expect(
      (
        await expectFailure(
          t.call(officer, 'templates.import', {
            type: 'filing-approval',
            fileName: 'a.docx',
            contentBase64: edited('x', 'x'),
          }),
        )
      ).code,
    ).toBe('FORBIDDEN_ROLE');
  });

  it('a checked template becomes the next version; new documents use it and record it', async () => {
    const r = await t.call(head, 'templates.import', {
      type: 'filing-approval',
      fileName: '立案审批表（2027版）.docx',
      contentBase64: edited('立案审批表', '立案审批表（新版）'),
    });
    expect(r.version).toBe('2026.1.1');
    expect(r.versions.map((v) => v.version)).toEqual(['2026.1.1', '2026.1']);
    const v = await openCase(t, officer);
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
    const doc = await t.call(officer, 'documents.generate', {
      caseId: v.state.id,
      type: 'filing-approval',
      fields: sampleFields(tpl, { today: '2026-03-02' }),
    });
    expect(doc.templateVersion).toBe('2026.1.1');
    expect(
      docxText(Buffer.from((await t.call(officer, 'blobs.read', { hash: doc.docxHash })).base64, 'base64')),
    ).toContain('立案审批表（新版）');
  });
});
