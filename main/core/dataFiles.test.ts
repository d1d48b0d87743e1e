/**
 * “a full disk during calendar.import leaves an empty JSON file, and the workstation no
 * longer starts”: a bad calendar, procedure or template file in the data directory is set aside
 * and reported in Chinese; the workstation starts with the rest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from './core.js';
import { FakeClock, callerFor } from './testing/testCore.js';
import { templatesDir } from './paths.js';
import { loadManifest } from './documents/manifest.js';
import { startupReport } from './dataFiles.js';
import { shippedDefinitionJson } from './testing/shippedProcedures.js';

let dir: string;
const clock = new FakeClock(new Date('2026-12-07T03:00:00Z'));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjuan-datafiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (rel: string, content: string | Buffer) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), content);
};
const goodYear = {
  year: 2031,
  source: '国务院办公厅通知（测试）',
  holidays: [['2031-01-01', '2031-01-01', '元旦']],
  workdays: [],
};
const ordinary = () => shippedDefinitionJson('ordinary@2026.2');
const filingTemplate = () =>
  readFileSync(join(templatesDir(), loadManifest().find((t) => t.id === 'filing-approval')!.file));

describe('bad data files at start', () => {
  it('an empty calendar (the full-disk case) is set aside and reported; the core starts and the good year is used', async () => {
    put('calendars/cn-2031.json', '');
    put(
      'calendars/cn-2032.json',
      JSON.stringify({ ...goodYear, year: 2032, holidays: [['2032-01-01', '2032-01-01', '元旦']] }),
    );
    const core = await createCore({ dataDir: dir, clock });
    try {
      const w = core.services.dataFileWarnings;
      expect(w).toEqual([
        expect.objectContaining({
          kind: '节假日日历',
          file: 'calendars/cn-2031.json',
          setAsideAs: 'calendars/cn-2031.json.bad-20261207T030000Z',
          foundAt: '2026-12-07T03:00:00.000Z',
          reason: expect.stringMatching(/文件为空/),
        }),
      ]);
      expect(w[0]!.message).toMatch(
        /^节假日日历文件“calendars\/cn-2031\.json”已损坏：文件为空.*已将其移至“calendars\/cn-2031\.json\.bad-20261207T030000Z”，工作站已使用其余数据启动。请重新导入该节假日日历/,
      );
      expect(readdirSync(join(dir, 'calendars')).sort()).toEqual(['cn-2031.json.bad-20261207T030000Z', 'cn-2032.json']);
      expect(core.services.calendar.addWorkingDays('2031-12-31', 1)).toMatchObject({
        dueOn: '2032-01-02',
        calendarIncomplete: false,
      });
    } finally {
      await core.close();
    }
  });

  it('a truncated procedure definition and a truncated or macro-carrying template are set aside too', async () => {
    const next = { ...ordinary(), version: '2026.10' };
    put('procedures/ordinary.2026.10.json', JSON.stringify(next).slice(0, 500));
    put('procedures/ordinary.2026.11.json', JSON.stringify({ ...next, version: '2026.11', nodes: [] }));
    const docx = filingTemplate();
    put('templates/filing-approval/2026.1.1.docx', docx.subarray(0, 300));
    const PizZip = (await import('pizzip')).default;
    const zip = new PizZip(docx);
    zip.file('word/vbaProject.bin', 'VBA');
    put('templates/filing-approval/2026.1.2.docx', zip.generate({ type: 'nodebuffer' }));
    const core = await createCore({ dataDir: dir, clock });
    try {
      const w = core.services.dataFileWarnings;
      expect(w.map((x) => [x.kind, x.file])).toEqual([
        ['程序定义', 'procedures/ordinary.2026.10.json'],
        ['程序定义', 'procedures/ordinary.2026.11.json'],
        ['文书模板', 'templates/filing-approval/2026.1.1.docx'],
        ['文书模板', 'templates/filing-approval/2026.1.2.docx'],
      ]);
      expect(w[0]!.reason).toMatch(/不是完整的JSON/);
      expect(w[1]!.reason).toMatch(/内容(不符合格式|有误)/);
      expect(w[2]!.reason).toMatch(/不是有效的Word文档/);
      expect(w[3]!.reason).toMatch(/宏代码（word\/vbaProject\.bin）/);
      expect(core.services.procedures.has('ordinary@2026.10')).toBe(false);
      expect(core.services.procedures.has('ordinary@2026.2')).toBe(true);
      const t = core.services.manifest.find((x) => x.id === 'filing-approval')!;
      expect(core.services.templates.current(t).version).toBe(t.version);
    } finally {
      await core.close();
    }
  });

  it('app.startupReport returns them, also after a restart (then without the reason), until the file is removed', async () => {
    put('calendars/cn-2031.json', '{"year": 2031, "sou');
    const first = await createCore({ dataDir: dir, clock, demo: true });
    const call = callerFor(first);
    try {
      const token = (await call(null, 'session.login', { username: 'head', password: 'head123' })).token;
      const r = await call(token, 'app.startupReport', {});
      expect(r.warnings).toEqual([
        expect.objectContaining({ file: 'calendars/cn-2031.json', reason: expect.stringMatching(/不是完整的JSON/) }),
      ]);
    } finally {
      await first.close();
    }
    const second = await createCore({ dataDir: dir, clock });
    try {
      expect(second.services.dataFileWarnings).toEqual([]);
      expect(startupReport(dir, second.services.dataFileWarnings)).toEqual([
        expect.objectContaining({
          file: 'calendars/cn-2031.json',
          setAsideAs: 'calendars/cn-2031.json.bad-20261207T030000Z',
          foundAt: '2026-12-07T03:00:00Z',
          reason: null,
          message: expect.stringMatching(/曾因损坏被移至/),
        }),
      ]);
    } finally {
      await second.close();
    }
    rmSync(join(dir, 'calendars', 'cn-2031.json.bad-20261207T030000Z'));
    expect(startupReport(dir, [])).toEqual([]);
  });

  it('temporary files of a process killed mid-write are removed at start once an hour old', async () => {
    const stale = [
      'calendars/.cn-2031.json.4242.0badc0de.tmp',
      'blobs/ab/.cdef.4242.12345678.tmp',
      `blobs/ab/${'c'.repeat(62)}.99.tmp`,
    ];
    const fresh = 'procedures/.ordinary.2026.10.json.4243.0badc0de.tmp';
    await (await createCore({ dataDir: dir, clock })).close(); // the database first: blobs without one mean a lost database
    for (const f of [...stale, fresh]) put(f, 'partial');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const f of stale) utimesSync(join(dir, f), hourAgo, hourAgo);
    await (await createCore({ dataDir: dir, clock })).close();
    expect(stale.filter((f) => existsSync(join(dir, f)))).toEqual([]);
    expect(existsSync(join(dir, fresh))).toBe(true);
  });

  it('good added files are left alone', async () => {
    put('calendars/cn-2031.json', JSON.stringify(goodYear));
    const core = await createCore({ dataDir: dir, clock });
    await core.close();
    expect(existsSync(join(dir, 'calendars', 'cn-2031.json'))).toBe(true);
    expect(core.services.dataFileWarnings).toEqual([]);
  });
});
