/** Helpers for the e2e specs: logging in and out, dates in China time, a small PNG. */
import { expect, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { rmSync, writeFileSync } from 'node:fs';

/**
 * Moves the workstation's date (this worker's web host reads ANJUAN_TEST_CLOCK_FILE, set by e2e/fixtures.ts)
 * to 10:00 China time on `date`; `null` goes back to the real time.
 */
export function setWorkstationDate(date: string | null): void {
  const file = process.env.ANJUAN_TEST_CLOCK_FILE;
  if (!file) throw new Error('ANJUAN_TEST_CLOCK_FILE is not set (see e2e/fixtures.ts)');
  if (date === null) rmSync(file, { force: true });
  else writeFileSync(file, `${date}T10:00:00+08:00\n`);
}

export async function login(page: Page, username: string, password: string, name: string): Promise<void> {
  await expect(page.getByTestId('login-username')).toBeVisible();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('current-user')).toHaveText(name);
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
}

/** YYYY-MM-DD in China, `offset` days from today (the core counts dates in Asia/Shanghai). */
export function chinaDate(offset = 0): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG (RGB, a green field with a grey band), small enough to upload quickly. */
export function makePng(width = 64, height = 48): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const band = y > height * 0.6;
      row.set(band ? [120, 120, 120] : [60, 150, 80], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
