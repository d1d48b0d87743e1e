/**
 * 本局设置 through the operations: the PDF engine (stored, checked against this PC, used at once,
 * overridden by a core option or ANJUAN_PDF_ENGINE), the seal image, 期限提醒, 试打印; who may change them.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { fakePdfEngines } from '../testing/fakePdfEngines.js';
import { makeSealPng } from '../testing/sealPng.js';
import { makePng } from '../testing/png.js';
import { chromiumExecutable } from '../documents/pdf/chromium.js';
import type { PdfEngineName } from '../documents/pdf/engine.js';
import { sealImageSetting } from '#core/application/settings.js';
import { demoBureauInfo } from '../seed/demo.js';

const envKeys = ['ANJUAN_PDF_ENGINE', 'ANJUAN_SOFFICE'] as const;
const savedEnv = Object.fromEntries(envKeys.map((k) => [k, process.env[k]]));
let cores: TestCore[] = [];

beforeEach(() => {
  // The suite may be run with an engine forced; these tests decide it themselves.
  delete process.env.ANJUAN_PDF_ENGINE;
});
afterEach(async () => {
  for (const k of envKeys) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  await Promise.all(cores.map((c) => c.close()));
  cores = [];
});

async function coreWith(available: PdfEngineName[], extra: { pdfEngine?: 'auto' | PdfEngineName; dir?: string } = {}) {
  const fake = fakePdfEngines(available);
  const t = await createTestCore({
    dir: extra.dir,
    core: { pdfEngines: fake.factory, ...(extra.pdfEngine ? { pdfEngine: extra.pdfEngine } : {}) },
  });
  cores.push(t);
  const [head, officer, reviewer] = [await t.login('head'), await t.login('officer'), await t.login('reviewer')];
  return { t, fake, head, officer, reviewer };
}

const docxHash = (t: TestCore, text = 'sample') =>
  t.core.services.blobs.put(
    Buffer.from(`PK fake docx ${text}`),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );

describe('the PDF engine in 本局设置', () => {
  it('is "auto" by default, with the engines this PC has and their Chinese names', async () => {
    const { t, officer } = await coreWith(['chromium', 'libreoffice']);
    const s = await t.call(officer, 'settings.get', {});
    expect(s).toEqual({
      warnAheadWorkingDays: 3,
      pdfEngine: 'auto',
      pdfEngines: [
        { name: 'chromium', label: '内置Chromium' },
        { name: 'libreoffice', label: 'LibreOffice' },
      ],
      pdfEngineInUse: 'auto',
      pdfEngineLockedBy: null,
      pdfEngineActive: null,
      seal: null,
      certificate: null,
      bureauInfo: demoBureauInfo,
    });
  });

  it('a head chooses LibreOffice: stored, used from the next document on, the old engine closed', async () => {
    const { t, fake, head } = await coreWith(['chromium', 'libreoffice']);
    const hash = docxHash(t);
    expect(await t.core.services.pdf.pdfFor(hash)).toMatchObject({ engine: 'chromium' });
    expect((await t.call(head, 'settings.get', {})).pdfEngineActive).toBe('chromium');

    const s = await t.call(head, 'settings.update', { pdfEngine: 'libreoffice' });
    expect(s).toMatchObject({
      pdfEngine: 'libreoffice',
      pdfEngineInUse: 'libreoffice',
      pdfEngineActive: null,
      warnAheadWorkingDays: 3,
    });
    expect(fake.log).toEqual(['start chromium', 'convert chromium', 'close chromium']);

    // The same DOCX: converted again by the new engine (the cache is per engine), then served from the cache.
    expect(await t.core.services.pdf.pdfFor(hash)).toMatchObject({ engine: 'libreoffice' });
    expect(await t.core.services.pdf.pdfFor(hash)).toMatchObject({ engine: 'libreoffice' });
    expect(fake.log.slice(3)).toEqual(['start libreoffice', 'convert libreoffice']);

    // Back to auto: Chromium again, and its PDF of this DOCX is still cached.
    await t.call(head, 'settings.update', { pdfEngine: 'auto' });
    expect(await t.core.services.pdf.pdfFor(hash)).toMatchObject({ engine: 'chromium' });
    expect(fake.log.slice(5)).toEqual(['close libreoffice', 'start chromium']);
  });

  it('the stored choice is used by the next start of the workstation', async () => {
    const first = await coreWith(['chromium', 'libreoffice']);
    await first.t.call(first.head, 'settings.update', { pdfEngine: 'libreoffice' });
    const again = await coreWith(['chromium', 'libreoffice'], { dir: first.t.dir });
    expect(again.t.core.services.pdf.preference).toBe('libreoffice');
    expect(await again.t.core.services.pdf.pdfFor(docxHash(again.t))).toMatchObject({ engine: 'libreoffice' });
  });

  it('an engine this PC lacks is refused in Chinese, and nothing of the request is saved', async () => {
    const { t, fake, head } = await coreWith(['chromium']);
    const f = await expectFailure(
      t.call(head, 'settings.update', { pdfEngine: 'libreoffice', warnAheadWorkingDays: 7 }),
    );
    expect(f.code).toBe('PDF_ENGINE_UNAVAILABLE');
    expect(f.message).toBe('本机不能使用“LibreOffice”PDF引擎（本机可用：内置Chromium），设置未修改');
    expect(await t.call(head, 'settings.get', {})).toMatchObject({
      pdfEngine: 'auto',
      pdfEngineInUse: 'auto',
      warnAheadWorkingDays: 3,
    });
    expect((await expectFailure(t.call(head, 'settings.update', { pdfEngine: 'electron' }))).message).toContain(
      '桌面程序内置',
    );
    expect(fake.log).toEqual([]);
  });

  it('with the real engines: LibreOffice is accepted where soffice is found, refused where it is not', async () => {
    const t = await createTestCore();
    cores.push(t);
    const head = await t.login('head');
    const names = (await t.call(head, 'settings.get', {})).pdfEngines.map((e) => e.name);
    expect(names).not.toContain('electron'); // only inside the desktop app
    if (names.includes('libreoffice')) {
      expect((await t.call(head, 'settings.update', { pdfEngine: 'libreoffice' })).pdfEngineInUse).toBe('libreoffice');
    } else {
      console.warn('no soffice on this machine: only the refusal is checked');
    }
    process.env.ANJUAN_SOFFICE = '/nonexistent/soffice';
    await t.call(head, 'settings.update', { pdfEngine: 'auto' });
    expect((await expectFailure(t.call(head, 'settings.update', { pdfEngine: 'libreoffice' }))).code).toBe(
      'PDF_ENGINE_UNAVAILABLE',
    );
    expect((await t.call(head, 'settings.get', {})).pdfEngine).toBe('auto');
  });

  it('only a head changes settings; everyone may read them', async () => {
    const { t, officer, reviewer } = await coreWith(['chromium', 'libreoffice']);
    for (const who of [officer, reviewer]) {
      expect((await expectFailure(t.call(who, 'settings.update', { pdfEngine: 'libreoffice' }))).code).toBe(
        'FORBIDDEN_ROLE',
      );
      expect((await expectFailure(t.call(who, 'settings.clearSeal', {}))).code).toBe('FORBIDDEN_ROLE');
    }
    expect((await expectFailure(t.call(null, 'settings.get', {}))).code).toBe('NOT_AUTHENTICATED');
    expect((await t.call(officer, 'settings.get', {})).pdfEngine).toBe('auto');
  });

  it('bad input is refused with a Chinese message and changes nothing', async () => {
    const { t, head } = await coreWith(['chromium']);
    const cases: Array<[unknown, RegExp]> = [
      [{}, /没有要修改的设置/],
      [{ pdfEngine: 'word' }, /PDF引擎应为/],
      [{ warnAheadWorkingDays: 31 }, /0至30的整数/],
      [{ warnAheadWorkingDays: 2.5, pdfEngine: 'chromium' }, /0至30的整数/],
    ];
    for (const [input, message] of cases) {
      const r = await t.core.dispatch({ op: 'settings.update', input, token: head });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(message);
      }
    }
    expect(await t.call(head, 'settings.get', {})).toMatchObject({ pdfEngine: 'auto', warnAheadWorkingDays: 3 });
  });

  it('warn-ahead days alone are changed without touching the engine', async () => {
    const { t, head, fake } = await coreWith(['chromium', 'libreoffice']);
    await t.call(head, 'settings.update', { pdfEngine: 'libreoffice' });
    expect(await t.call(head, 'settings.update', { warnAheadWorkingDays: 6 })).toMatchObject({
      warnAheadWorkingDays: 6,
      pdfEngine: 'libreoffice',
    });
    expect((await t.call(head, 'deadlines.overview', {})).warnAheadWorkingDays).toBe(6);
    expect(fake.log).toEqual([]);
  });

  it('a conversion under way finishes on the old engine before that engine is closed', async () => {
    const { t, fake, head } = await coreWith(['chromium', 'libreoffice']);
    await t.core.services.pdf.pdfFor(docxHash(t, 'warm'));
    const release = fake.hold();
    const pending = t.core.services.pdf.pdfFor(docxHash(t, 'long'));
    await new Promise((r) => setTimeout(r, 10));
    const switched = t.call(head, 'settings.update', { pdfEngine: 'libreoffice' });
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.log).not.toContain('close chromium');
    release();
    expect(await pending).toMatchObject({ engine: 'chromium' });
    await switched;
    expect(fake.log.at(-1)).toBe('close chromium');
  });
});

describe("overrides of the bureau's choice", () => {
  it('ANJUAN_PDF_ENGINE wins over the stored setting, and settings.get says so', async () => {
    process.env.ANJUAN_PDF_ENGINE = 'chromium';
    const { t, head } = await coreWith(['chromium', 'libreoffice']);
    expect(await t.call(head, 'settings.get', {})).toMatchObject({
      pdfEngine: 'auto',
      pdfEngineInUse: 'chromium',
      pdfEngineLockedBy: 'ANJUAN_PDF_ENGINE',
    });
    // Stored for when the variable is removed; the engine in use stays the variable's.
    expect(await t.call(head, 'settings.update', { pdfEngine: 'libreoffice' })).toMatchObject({
      pdfEngine: 'libreoffice',
      pdfEngineInUse: 'chromium',
    });
    expect(await t.core.services.pdf.pdfFor(docxHash(t))).toMatchObject({ engine: 'chromium' });
  });

  it('an explicit core option wins over both', async () => {
    process.env.ANJUAN_PDF_ENGINE = 'chromium';
    const { t, head } = await coreWith(['chromium', 'libreoffice'], { pdfEngine: 'libreoffice' });
    expect(await t.call(head, 'settings.get', {})).toMatchObject({
      pdfEngineInUse: 'libreoffice',
      pdfEngineLockedBy: 'option',
    });
  });

  it('an unknown ANJUAN_PDF_ENGINE is ignored: the stored setting applies', async () => {
    process.env.ANJUAN_PDF_ENGINE = 'wps';
    const { t, head } = await coreWith(['chromium']);
    expect(await t.call(head, 'settings.get', {})).toMatchObject({ pdfEngineInUse: 'auto', pdfEngineLockedBy: null });
  });
});

describe('the seal image', () => {
  it('is set, shown with its size and advice, and removed', async () => {
    const { t, head, officer } = await coreWith(['chromium']);
    const good = await t.call(head, 'settings.setSeal', { pngBase64: makeSealPng(600).toString('base64') });
    expect(good.seal).toEqual({ hash: good.sealImageHash, width: 600, height: 600, hints: [] });
    expect((await t.call(officer, 'settings.get', {})).seal).toEqual(good.seal);
    // The preview reads it like any file.
    expect((await t.call(officer, 'blobs.read', { hash: good.sealImageHash })).mimeType).toBe('image/png');

    const poor = await t.call(head, 'settings.setSeal', { pngBase64: makePng(200, 100).toString('base64') });
    expect(poor.seal.hints).toHaveLength(3);
    expect(poor.seal.hints.join('')).toMatch(/没有透明背景.*不是正方形（200×100像素）.*较小/);
    expect(sealImageSetting(t.core.services)).toBe(poor.sealImageHash);

    expect(await t.call(head, 'settings.clearSeal', {})).toEqual({ removed: true });
    expect((await t.call(head, 'settings.get', {})).seal).toBeNull();
    expect(sealImageSetting(t.core.services)).toBeNull();
    expect(await t.call(head, 'settings.clearSeal', {})).toEqual({ removed: false });
  });

  it('refuses what is not a usable PNG, and keeps the seal it had', async () => {
    const { t, head } = await coreWith(['chromium']);
    const kept = await t.call(head, 'settings.setSeal', { pngBase64: makeSealPng(520).toString('base64') });
    // A valid header over pixel data that does not inflate.
    const png = makeSealPng(520);
    const idat = png.indexOf('IDAT');
    png.fill(0x55, idat + 4, idat + 60);
    const broken = await expectFailure(t.call(head, 'settings.setSeal', { pngBase64: png.toString('base64') }));
    expect(broken).toMatchObject({ code: 'NOT_AN_IMAGE', message: expect.stringContaining('已损坏') });
    const jpeg = await expectFailure(
      t.call(head, 'settings.setSeal', { pngBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]).toString('base64') }),
    );
    expect(jpeg).toMatchObject({ code: 'NOT_AN_IMAGE', message: expect.stringContaining('PNG') });
    const huge = Buffer.concat([makeSealPng(16), Buffer.alloc(5 * 1024 * 1024)]);
    // Refused at the schema before it is decoded (every input bounded, the limit stated).
    expect(await expectFailure(t.call(head, 'settings.setSeal', { pngBase64: huge.toString('base64') }))).toMatchObject(
      { code: 'VALIDATION', message: expect.stringContaining('印章图片过大（不超过5MB）') },
    );
    expect((await expectFailure(t.call(head, 'settings.setSeal', { pngBase64: '' }))).message).toContain(
      '请选择印章图片',
    );
    expect((await t.call(head, 'settings.get', {})).seal?.hash).toBe(kept.sealImageHash);
  });
});

describe('试打印 (pdf.test)', () => {
  it('converts a sample with the engine in use, or starts another for the trial only', async () => {
    const { t, fake, officer } = await coreWith(['chromium', 'libreoffice']);
    const r = await t.call(officer, 'pdf.test', {});
    expect(r).toMatchObject({ engine: 'chromium', pages: 1 });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(await t.call(officer, 'pdf.test', { engine: 'libreoffice' })).toMatchObject({ engine: 'libreoffice' });
    // The trial engine was closed; the running one was not, and stays in use.
    expect(fake.log).toEqual([
      'start chromium',
      'convert chromium',
      'start libreoffice',
      'convert libreoffice',
      'close libreoffice',
    ]);
    expect(t.core.services.pdf.activeEngine).toBe('chromium');
    const f = await expectFailure(t.call(officer, 'pdf.test', { engine: 'electron' }));
    expect(f.code).toBe('PDF_ENGINE_UNAVAILABLE');
  });

  const chromium = existsSync(chromiumExecutable());
  if (!chromium) console.warn(`real 试打印 skipped: no Chromium at ${chromiumExecutable()} (set ANJUAN_CHROMIUM)`);
  it.skipIf(!chromium)('prints the sample 送达回证 for real with the built-in Chromium', async () => {
    const t = await createTestCore({ core: { pdfEngine: 'chromium' } });
    cores.push(t);
    const r = await t.call(await t.login('officer'), 'pdf.test', {});
    expect(r).toMatchObject({ engine: 'chromium', pages: 1 });
    expect(r.ms).toBeGreaterThan(0);
  });
});

describe('本局文书信息: what the notices and decisions print and only the bureau knows', () => {
  it('is read by everyone, changed item by item by a head, and cleared with an empty value', async () => {
    const { t, head, officer } = await coreWith(['chromium']);
    expect((await t.call(officer, 'settings.get', {})).bureauInfo.litigationCourt).toBe('天柱县人民法院');
    const s = await t.call(head, 'settings.update', {
      bureauInfo: { officePhone: '0855-7520000、0855-7520001', nonTaxPaymentCode: '5226270000123' },
    });
    expect(s.bureauInfo).toEqual({
      ...demoBureauInfo,
      officePhone: '0855-7520000、0855-7520001',
      nonTaxPaymentCode: '5226270000123',
    });
    // The bank account may go once the 非税收入 code is there; the other items stay.
    const cleared = await t.call(head, 'settings.update', {
      bureauInfo: { paymentBank: '', paymentAccountName: '', paymentAccountNo: '' },
    });
    expect(cleared.bureauInfo).toMatchObject({
      paymentBank: '',
      paymentAccountNo: '',
      nonTaxPaymentCode: '5226270000123',
      officeAddress: demoBureauInfo.officeAddress,
    });
    expect(
      (await expectFailure(t.call(officer, 'settings.update', { bureauInfo: { officePhone: '0855-7520002' } }))).code,
    ).toBe('FORBIDDEN_ROLE');
  });

  it('refuses in Chinese what the law or the bank would not accept, and saves nothing of the request', async () => {
    const { t, head } = await coreWith(['chromium']);
    const refused = async (bureauInfo: Record<string, string>) => {
      const f = await expectFailure(t.call(head, 'settings.update', { bureauInfo }));
      expect(f.code).toBe('VALIDATION');
      return f.message;
    };
    // 行政诉讼法 arts. 14, 15, 18: a people's court named in full, at the basic level.
    expect(await refused({ litigationCourt: '天柱县' })).toContain('行政诉讼管辖法院应填写人民法院的全称');
    expect(await refused({ litigationCourt: '人民法院' })).toContain('行政诉讼管辖法院应填写人民法院的全称');
    expect(await refused({ litigationCourt: '黔东南苗族侗族自治州中级人民法院' })).toContain(
      '不是基层人民法院：行政处罚案件的第一审由基层人民法院管辖（《中华人民共和国行政诉讼法》第十四条）',
    );
    expect(await refused({ officePhone: '请拨打办公室' })).toContain('本局联系电话应为电话号码');
    expect(await refused({ paymentAccountNo: '' })).toContain(
      '罚款缴纳的开户银行、户名和账号应一并填写（缺罚款缴纳账号）',
    );
    expect(await refused({ paymentAccountNo: '12-34' })).toContain('罚款缴纳账号应为6至34位数字');
    expect(await refused({ nonTaxPaymentCode: '缴款码' })).toContain('非税收入缴款码应为4至40位字母或数字');
    expect((await t.call(head, 'settings.get', {})).bureauInfo).toEqual(demoBureauInfo);
    // A court designated across areas (行政诉讼法 art. 18(2)) is a people's court too.
    expect(
      (await t.call(head, 'settings.update', { bureauInfo: { litigationCourt: '锦屏县人民法院' } })).bureauInfo
        .litigationCourt,
    ).toBe('锦屏县人民法院');
  });
});
