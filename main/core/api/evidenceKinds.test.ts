/** evidence.add beyond photos: scans, recordings and office files, each with where, when and by whom; a renamed file refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { fixturePdf } from '../dossier/testFixtures.js';

let t: TestCore;
let officer = '';
let caseId = '';
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(200, 7)]);

beforeAll(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  caseId = (await openCase(t, officer)).state.id;
}, 60_000);
afterAll(() => t.close());

const evidenceCount = async (): Promise<number> =>
  (await t.call(officer, 'cases.get', { caseId })).state.evidence.length;

describe('evidence.add of every kind', () => {
  it('records a scanned PDF with its kind, time, place, source and collectors, and its hash', async () => {
    const pdf = await fixturePdf('monitoring', { pages: 2 });
    const r = await t.call(officer, 'evidence.add', {
      caseId,
      kind: 'scan',
      fileName: '监测报告.pdf',
      contentBase64: b64(pdf),
      description: '监测报告（扫描件）',
      takenOn: '2026-03-02',
      takenAt: '10:15',
      place: '厂区办公室',
      source: '当事人提供',
      collectors: ['张伟', '王强'],
    });
    expect(r).toMatchObject({
      kind: 'scan',
      mimeType: 'application/pdf',
      size: pdf.length,
      takenAt: '10:15',
      place: '厂区办公室',
      source: '当事人提供',
      collectors: ['张伟', '王强'],
    });
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    const view = await t.call(officer, 'cases.get', { caseId });
    expect(view.state.evidence.at(-1)).toEqual(r);
  });

  it('records a recording as audio', async () => {
    const r = await t.call(officer, 'evidence.add', {
      caseId,
      kind: 'audio',
      fileName: '询问录音.mp3',
      contentBase64: b64(mp3),
      description: '询问录音',
      takenOn: '2026-03-02',
    });
    expect(r).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg' });
  });

  it.each([
    ['a recording renamed as a PDF', 'scan', '监测报告.pdf', mp3, '内容是MP3录音，与扩展名“.pdf”不符'],
    ['a recording filed as an office file', 'office', '录音.mp3', mp3, '不能作为电子文件上传'],
    ['an unknown file', 'office', '程序.exe', Buffer.from('MZ\x90\x00'), '文件类型无法识别或不受支持'],
  ] as const)('refuses %s in Chinese, and stores nothing', async (_, kind, fileName, bytes, why) => {
    const before = await evidenceCount();
    const err = await expectFailure(
      t.call(officer, 'evidence.add', {
        caseId,
        kind,
        fileName,
        contentBase64: b64(bytes),
        description: '证据',
        takenOn: '2026-03-02',
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain(fileName);
    expect(err.message).toContain(why);
    expect(await evidenceCount()).toBe(before);
  });

  it('refuses a time that is not 时:分', async () => {
    const err = await expectFailure(
      t.call(officer, 'evidence.add', {
        caseId,
        kind: 'audio',
        fileName: '询问录音.mp3',
        contentBase64: b64(mp3),
        description: '询问录音',
        takenOn: '2026-03-02',
        takenAt: '25:00',
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(JSON.stringify(err)).toContain('取证时间应为');
  });
});
