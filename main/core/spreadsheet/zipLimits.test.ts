import { describe, expect, it } from 'vitest';
import { openZip, xlsxLimits, zipLimitProblem, zipProblem, ZipRefused } from './zipLimits.js';
import { makeZip } from '../testing/zipFile.js';

const MB = 1024 * 1024;

describe('the limits read from a zip directory before anything is unpacked', () => {
  it('passes an ordinary workbook and names each limit it refuses, in Chinese', () => {
    const ok = [
      { name: 'xl/worksheets/sheet1.xml', packed: 4 * MB, unpacked: 40 * MB },
      { name: 'xl/sharedStrings.xml', packed: 2 * MB, unpacked: 10 * MB },
    ];
    expect(zipProblem(ok, xlsxLimits)).toBeNull();
    expect(
      zipProblem(
        Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}`, packed: 1, unpacked: 1 })),
        xlsxLimits,
      ),
    ).toMatch(/条目过多（10001个，不超过10000个）/);
    expect(
      zipProblem([{ name: 'xl/worksheets/sheet1.xml', packed: 100 * MB, unpacked: 300 * MB }], xlsxLimits),
    ).toMatch(/“xl\/worksheets\/sheet1.xml”解压后300MB（每部分不超过256MB）/);
    expect(zipProblem([{ name: 'a', packed: 1 * MB, unpacked: 900 * MB }], xlsxLimits)).toMatch(/解压后过大/);
    expect(zipProblem([{ name: 'b', packed: 100_000, unpacked: 100 * MB }], xlsxLimits)).toMatch(
      /压缩比异常.*1049倍，不超过200倍.*压缩炸弹/,
    );
    expect(zipProblem([{ name: 'c', packed: 0, unpacked: 2 * MB }], xlsxLimits)).toMatch(/无穷大/);
    expect(
      zipProblem(
        [1, 2, 3].map((i) => ({ name: `s${i}`, packed: 50 * MB, unpacked: 200 * MB })),
        xlsxLimits,
      ),
    ).toMatch(/解压后共600MB（不超过512MB）/);
    // Small entries may compress as they like (an empty styles part, a repeated header).
    expect(zipProblem([{ name: 'tiny', packed: 10, unpacked: 100_000 }], xlsxLimits)).toBeNull();
  });

  it('refuses a bomb-like workbook (a million identical rows) from its directory alone', async () => {
    const row = '<row><c><v>1</v></c></row>';
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(row.repeat(1_000_000)) }], 6);
    expect(bomb.length).toBeLessThan(2 * MB);
    await expect(openZip(bomb, xlsxLimits)).rejects.toBeInstanceOf(ZipRefused);
    expect(await zipLimitProblem(bomb, xlsxLimits)).toMatch(/压缩比异常.*压缩炸弹.*未导入/);
    // A damaged file is not a limit's business: the reader after it says it is damaged.
    expect(await zipLimitProblem(Buffer.from('PK\u0003\u0004 broken'), xlsxLimits)).toBeNull();
  });

  it('stops unpacking an entry that yields more than its directory claimed', async () => {
    const liar = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * MB, 'a'), claimedSize: 1000 }]);
    const zip = await openZip(liar, xlsxLimits);
    const stream = await zip.open(zip.entries.get('xl/worksheets/sheet1.xml')!);
    let got = 0;
    await expect(
      (async () => {
        for await (const c of stream as AsyncIterable<Buffer>) got += c.length;
      })(),
    ).rejects.toThrow(/too many bytes|bytes/);
    expect(got).toBeLessThan(2 * MB);
    zip.close();
  });
});
