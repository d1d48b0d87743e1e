/** Every bad input gets a clear Chinese error and changes nothing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { makePng } from '../testing/png.js';
import { makeSealPng } from '../testing/sealPng.js';

let t: TestCore;
let officer: string;
const eventCount = () => (t.core.services.db.prepare('SELECT COUNT(*) AS n FROM case_events').get() as { n: number }).n;

beforeEach(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
});
afterEach(async () => t.close());

describe('bad input at 立案', () => {
  it('an enterprise with an invalid 统一社会信用代码 cannot be a party', async () => {
    t.core.services.directory.addEnterprise({
      id: 'bad',
      name: '错误代码企业',
      uscc: '91522627MA6DLX3K0Z',
      legalRepresentative: '某',
      address: '某地',
      county: '天柱县',
    });
    const err = await expectFailure(openCase(t, officer, { enterpriseId: 'bad' }));
    expect(err.code).toBe('INVALID_USCC');
    expect(err.message).toMatch(/统一社会信用代码无效/);
    expect(eventCount()).toBe(0);
  });

  it('one officer, or an officer with an expired certificate, is refused (处罚法 art. 42)', async () => {
    expect((await expectFailure(openCase(t, officer, { officerIds: ['off-01'] }))).message).toMatch(
      /至少需要两名执法人员/,
    );
    const err = await expectFailure(openCase(t, officer, { officerIds: ['off-01', 'off-05'] }));
    expect(err.code).toBe('OFFICERS_REQUIRED');
    expect(err.message).toMatch(/第四十二条/);
    expect(eventCount()).toBe(0);
  });

  it('a wrong or future date is refused', async () => {
    expect((await expectFailure(openCase(t, officer, { filedOn: '2026-02-30' }))).code).toBe('VALIDATION');
    expect((await expectFailure(openCase(t, officer, { filedOn: '2026-03-09' }))).code).toBe('DATE_IN_FUTURE');
    expect(
      (await expectFailure(openCase(t, officer, { discoveredOn: '2026-03-02', filedOn: '2026-03-01' }))).message,
    ).toMatch(/发现日期/);
  });

  it('a duplicate submission (same request id) opens one case, not two', async () => {
    const a = await openCase(t, officer, { requestId: 'double-click-0001' });
    const b = await openCase(t, officer, { requestId: 'double-click-0001' });
    expect(b.state.id).toBe(a.state.id);
    expect((await t.call(officer, 'cases.list', {})).total).toBe(1);
  });

  it('case numbers follow the bureau yearly sequence', async () => {
    const a = await openCase(t, officer);
    const b = await openCase(t, officer);
    expect(a.state.number).toBe('黔东南环天立字〔2026〕1号');
    expect(b.state.number).toBe('黔东南环天立字〔2026〕2号');
  });
});

describe('bad input on a running case', () => {
  it('an action the procedure does not allow now is refused and explained', async () => {
    const v = await openCase(t, officer);
    const n = eventCount();
    const err = await expectFailure(t.call(officer, 'cases.act', { caseId: v.state.id, action: 'serveDecision' }));
    expect(err.code).toBe('ACTION_NOT_ALLOWED');
    expect(err.message).toMatch(/决定送达/);
    expect(eventCount()).toBe(n);
  });

  it('a photo that is not an image is refused', async () => {
    const v = await openCase(t, officer);
    const err = await expectFailure(
      t.call(officer, 'evidence.add', {
        caseId: v.state.id,
        fileName: '照片.jpg',
        contentBase64: Buffer.from('这不是图片').toString('base64'),
        description: '排放口',
        takenOn: '2026-03-02',
        kind: 'photo',
      }),
    );
    expect(err.code).toBe('NOT_AN_IMAGE');
    expect(err.message).toMatch(/照片\.jpg/);
    const ok = await t.call(officer, 'evidence.add', {
      caseId: v.state.id,
      fileName: 'p.png',
      contentBase64: makePng().toString('base64'),
      description: '排放口',
      takenOn: '2026-03-02',
      kind: 'photo',
    });
    expect(ok.mimeType).toBe('image/png');
    // A PNG with a valid header over damaged pixel data: refused now, not a hang when the dossier is bound.
    const damaged = makeSealPng(64);
    const idat = damaged.indexOf('IDAT');
    damaged.fill(0x55, idat + 4, idat + 40);
    const bad = await expectFailure(
      t.call(officer, 'evidence.add', {
        caseId: v.state.id,
        fileName: '坏图.png',
        contentBase64: damaged.toString('base64'),
        description: '排放口',
        takenOn: '2026-03-02',
        kind: 'photo',
      }),
    );
    expect(bad.code).toBe('NOT_AN_IMAGE');
    expect(bad.message).toMatch(/坏图\.png/);
  });

  it('a photo dated before 立案 is refused', async () => {
    const v = await openCase(t, officer);
    const err = await expectFailure(
      t.call(officer, 'evidence.add', {
        caseId: v.state.id,
        fileName: 'p.png',
        contentBase64: makePng().toString('base64'),
        description: '排放口',
        takenOn: '2026-02-01',
        kind: 'photo',
      }),
    );
    expect(err.code).toBe('DATE_BEFORE_FILING');
  });

  it('unknown operations, missing login and malformed input give error values, not crashes', async () => {
    expect((await t.core.dispatch({ op: 'cases.delete', input: {} })).ok).toBe(false);
    const r = await t.core.dispatch({ op: 'cases.list', input: {} });
    expect(!r.ok && r.error.code).toBe('NOT_AUTHENTICATED');
    const bad = await t.core.dispatch({ op: 'cases.open', input: { enterpriseId: 5 }, token: officer });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    expect(!bad.ok && bad.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const login = await t.core.dispatch({ op: 'session.login', input: { username: 'officer', password: 'nope' } });
    expect(!login.ok && login.error.message).toBe('用户名或密码错误');
  });

  it('a reviewer may not open cases (role)', async () => {
    const reviewer = await t.login('reviewer');
    expect((await expectFailure(openCase(t, reviewer))).code).toBe('FORBIDDEN_ROLE');
  });
});
