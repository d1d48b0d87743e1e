/**
 * 电子档案包 through the operations: export on workstation A (a job), verify, import on a fresh
 * workstation B — the same dossier, documents and history; importing twice changes nothing; a case
 * number used by another case, a dossier never bound or bound before the last change, a path from the
 * page and a role that may not import are refused in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { makePng } from '../testing/png.js';
import { quickPdfEngines } from '../testing/quickPdfEngine.js';

const engines = { pdfEngines: quickPdfEngines };
let a: TestCore;
let b: TestCore;
let officerA: string;
let caseId: string;
let packageBytes: Buffer;

async function preparedCase(t: TestCore, officer: string): Promise<string> {
  // 张伟 and 王强: officer2 (李娜) is not on it.
  const v = await openCase(t, officer, { officerIds: ['off-01', 'off-03'] });
  const id = v.state.id;
  const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
  await t.call(officer, 'documents.generate', {
    caseId: id,
    type: 'filing-approval',
    fields: sampleFields(tpl, { today: '2026-03-02' }),
  });
  await t.call(officer, 'evidence.add', {
    caseId: id,
    fileName: '排放口.png',
    contentBase64: makePng(64, 48, 3).toString('base64'),
    description: '废气排放口',
    takenOn: '2026-03-02',
    kind: 'photo',
  });
  return id;
}

const base64 = (b: Buffer): string => b.toString('base64');

beforeAll(async () => {
  a = await createTestCore({ core: engines });
  b = await createTestCore({ core: engines });
  officerA = await a.login('officer');
  caseId = await preparedCase(a, officerA);
}, 60_000);
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('export', () => {
  it('is refused before the dossier is bound, and after a later change until it is bound again', async () => {
    const never = await expectFailure(a.call(officerA, 'dossier.exportPackage', { caseId }));
    expect(never).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: expect.stringMatching(/尚未组卷/) });
    await a.call(officerA, 'dossier.build', { caseId, retention: '30年' });
    a.clock.set('2026-03-02T11:00:00+08:00');
    await a.call(officerA, 'evidence.add', {
      caseId,
      fileName: '排放口2.png',
      contentBase64: makePng(40, 30, 9).toString('base64'),
      description: '排放口近景',
      takenOn: '2026-03-02',
      kind: 'photo',
    });
    const stale = await expectFailure(a.call(officerA, 'dossier.exportPackage', { caseId }));
    expect(stale.message).toMatch(/之后文书或证据又有变动：请重新组卷/);
    a.clock.set('2026-03-02T12:00:00+08:00');
    await a.call(officerA, 'dossier.build', { caseId, retention: '30年' });
  }, 60_000);

  it("makes a package that the case's users download through the case, named by the 案号", async () => {
    const out = await a.call(officerA, 'dossier.exportPackage', { caseId });
    const state = (await a.call(officerA, 'cases.get', { caseId })).state;
    expect(out.fileName).toBe(`${state.number}-电子档案.zip`);
    // documents: DOCX + PDF of the one document; two photos; one volume; the event log.
    expect(out.items).toBe(2 + 2 + 1 + 1);
    expect(out.events).toBe(state.version);
    const file = await a.core.file({ hash: out.hash, caseId }, officerA);
    expect(file.ok).toBe(true);
    packageBytes = a.core.services.blobs.get(out.hash);
    expect(packageBytes.length).toBe(out.size);
    // Another officer, not on the case, may not read it.
    const other = await a.core.file({ hash: out.hash, caseId }, await a.login('officer2'));
    expect(other.ok).toBe(false);
  });

  it('verifies as intact on another workstation', async () => {
    const r = await b.call(await b.login('officer'), 'dossier.verifyPackage', {
      contentBase64: base64(packageBytes),
    });
    expect(r).toMatchObject({ ok: true, items: 6, intact: 6, problems: [] });
    expect(r.summary).toMatch(/完好/);
  });
});

describe('import on a fresh workstation', () => {
  it('shows the same dossier, documents and history; a second import changes nothing', async () => {
    const reviewerB = await b.login('reviewer');
    const r = await b.call(reviewerB, 'dossier.importPackage', { contentBase64: base64(packageBytes) });
    expect(r).toMatchObject({ caseId, changed: true, files: 6 - 1 });
    const reviewerA = await a.login('reviewer');
    const there = await a.call(reviewerA, 'cases.get', { caseId });
    const here = await b.call(reviewerB, 'cases.get', { caseId });
    expect(here.state).toEqual(there.state);
    const histA = await a.call(reviewerA, 'cases.history', { caseId });
    const histB = await b.call(reviewerB, 'cases.history', { caseId });
    expect(histB.entries).toEqual(histA.entries);
    // The bound volume is here, byte for byte, and readable through the case.
    const pdf = await b.core.file({ hash: here.state.dossier!.pdfHash, caseId }, reviewerB);
    expect(pdf.ok && pdf.value.bytes().equals(a.core.services.blobs.get(there.state.dossier!.pdfHash))).toBe(true);

    const again = await b.call(reviewerB, 'dossier.importPackage', { contentBase64: base64(packageBytes) });
    expect(again).toMatchObject({ changed: false, events: 0 });
    expect(again.message).toMatch(/未作更改/);
    expect((await b.call(reviewerB, 'cases.get', { caseId })).state.version).toBe(here.state.version);
  });

  it('takes only what is new from a later package of the same case', async () => {
    a.clock.set('2026-03-02T14:00:00+08:00');
    await a.call(officerA, 'dossier.build', { caseId, retention: '永久' });
    const later = await a.call(officerA, 'dossier.exportPackage', { caseId });
    const reviewerB = await b.login('reviewer');
    const r = await b.call(reviewerB, 'dossier.importPackage', {
      contentBase64: base64(a.core.services.blobs.get(later.hash)),
    });
    expect(r).toMatchObject({ changed: true, events: 1 });
    expect((await b.call(reviewerB, 'cases.get', { caseId })).state.dossier?.retention).toBe('永久');
    // The earlier package now holds less than this workstation: nothing to take.
    const earlier = await b.call(reviewerB, 'dossier.importPackage', { contentBase64: base64(packageBytes) });
    expect(earlier.changed).toBe(false);
  });

  it('refuses a package whose 案号 another case here already has', async () => {
    const c = await createTestCore({ core: engines });
    try {
      const officer = await c.login('officer');
      await openCase(c, officer, {}); // the first case of the year: the same number as A's
      const e = await expectFailure(
        c.call(await c.login('head'), 'dossier.importPackage', { contentBase64: base64(packageBytes) }),
      );
      expect(e).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: expect.stringMatching(/已被另一案件使用/) });
      expect(await c.core.services.cases.projection.get(caseId)).toBeNull();
    } finally {
      await c.close();
    }
  });

  it('refuses an officer (import is for reviewers, heads and the administrator) and a path from the page', async () => {
    const officer = await b.login('officer');
    const role = await expectFailure(b.call(officer, 'dossier.importPackage', { contentBase64: base64(packageBytes) }));
    expect(role.code).toBe('FORBIDDEN_ROLE');
    const path = join(b.dir, 'pkg.zip');
    writeFileSync(path, packageBytes);
    const web = await expectFailure(b.call(await b.login('head'), 'dossier.verifyPackage', { path }));
    expect(web.message).toMatch(/只有命令行/);
    // The CLI may name it.
    const cli = await b.cli(await b.login('head'), 'dossier.verifyPackage', { path });
    expect(cli.ok).toBe(true);
    const missing = await expectFailure(
      b.cli(await b.login('head'), 'dossier.verifyPackage', { path: join(b.dir, '无此文件.zip') }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: '找不到文件“无此文件.zip”' });
  });

  it('imports nothing from a tampered package and names the item', async () => {
    const c = await createTestCore({ core: engines });
    try {
      const bad = Buffer.from(packageBytes);
      // A byte inside the stored (uncompressed) 正卷 PDF: found by its header in the zip.
      const at = bad.indexOf(Buffer.from('%PDF-')) + 200;
      bad[at] = bad[at]! ^ 0xff;
      const e = await expectFailure(
        c.call(await c.login('head'), 'dossier.importPackage', { contentBase64: base64(bad) }),
      );
      expect(e.code).toBe('PACKAGE_INVALID');
      expect(JSON.stringify(e.details)).toMatch(/已被改动/);
      expect(await c.core.services.cases.projection.get(caseId)).toBeNull();
    } finally {
      await c.close();
    }
  });
});
