// @vitest-environment jsdom
/** A recording's or video's card: its length as recorded at upload, and a video's still frame in place of its kind. */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceRecord } from '#common/schemas/cases';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

const stillHash = 'cd'.repeat(32);
// Only the still is read (a small JPEG); the video itself never is.
vi.mock('#renderer/api/files', () => ({
  readFile: vi.fn(async (r: { hash: string }) => {
    if (r.hash !== stillHash) throw new Error('only the still is read');
    return new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
  }),
}));
const { readFile } = await import('#renderer/api/files');
const { EvidenceCard } = await import('./EvidenceCard');
globalThis.URL.createObjectURL ??= () => 'blob:still';
globalThis.URL.revokeObjectURL ??= () => undefined;

afterEach(() => {
  cleanup();
  vi.mocked(readFile).mockClear();
});

const record = (over: Partial<EvidenceRecord>): EvidenceRecord => ({
  id: 'e1',
  kind: 'video',
  fileName: '执法记录仪.mp4',
  mimeType: 'video/mp4',
  hash: 'ab'.repeat(32),
  size: 52_000_000,
  description: '排放口',
  takenOn: '2026-03-02',
  addedAt: '',
  addedBy: '张伟',
  ...over,
});

async function card(e: EvidenceRecord): Promise<HTMLElement> {
  const host = renderWithSession(<EvidenceCard evidence={e} caseId="c1" />);
  await act(async () => {
    await Promise.resolve();
  });
  return host;
}

describe('EvidenceCard of a recording or a video', () => {
  it('shows a video’s length and its still frame', async () => {
    const host = await card(record({ durationSeconds: 3725, stillHash }));
    expect(byTestId(host, 'evidence-duration')?.textContent).toBe('录像时长：1时02分05秒');
    expect(byTestId(host, 'evidence-still')).not.toBeNull();
    expect(byTestId(host, 'evidence-kind-label')).toBeNull();
    expect(vi.mocked(readFile)).toHaveBeenCalledWith({ hash: stillHash, caseId: 'c1' });
  });

  it('says 无法读取 for a length that could not be read, and shows the kind without a still', async () => {
    const host = await card(record({ kind: 'audio', mimeType: 'audio/mpeg', durationSeconds: null }));
    expect(byTestId(host, 'evidence-duration')?.textContent).toBe('录音时长：无法读取');
    expect(byTestId(host, 'evidence-kind-label')?.textContent).toBe('录音');
    expect(vi.mocked(readFile)).not.toHaveBeenCalled();
  });

  it('shows no length for evidence recorded before lengths were kept', async () => {
    const host = await card(record({}));
    expect(byTestId(host, 'evidence-duration')).toBeNull();
  });
});
