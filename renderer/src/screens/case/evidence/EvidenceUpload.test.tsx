// @vitest-environment jsdom
/**
 * The upload form: each kind's picker offers its formats, a file of another type is refused before
 * it is sent (in Chinese, naming the formats), and where, when and by whom it was collected are sent.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '#common/schemas/cases';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

vi.mock('#renderer/api/send', () => ({ send: vi.fn(async () => ({})) }));
const hash = 'ab'.repeat(32);
// The bytes go first, as bytes (api/uploads.ts); evidence.add then names them by hash.
vi.mock('#renderer/api/uploads', async (original) => ({
  ...(await original<typeof import('#renderer/api/uploads')>()),
  uploadEvidenceFile: vi.fn((source: { file: File }, kind: string, onProgress: (s: number, t: number) => void) => {
    onProgress(source.file.size, source.file.size);
    return {
      done: Promise.resolve({
        hash,
        size: source.file.size,
        mimeType: 'application/pdf',
        fileName: source.file.name,
        kind,
      }),
      cancel: vi.fn(),
    };
  }),
}));
const { send } = await import('#renderer/api/send');
const { uploadEvidenceFile } = await import('#renderer/api/uploads');
const { EvidenceUpload } = await import('./EvidenceUpload');

afterEach(() => {
  cleanup();
  vi.mocked(send).mockClear();
});

const view = { state: { id: 'c1' } } as CaseView;

function pickFile(host: HTMLElement, file: File): void {
  const input = byTestId<HTMLInputElement>(host, 'evidence-file')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function type(host: HTMLElement, id: string, value: string): void {
  const input = byTestId<HTMLInputElement>(host, id)!;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function chooseKind(host: HTMLElement, kind: string): void {
  const select = host.querySelector<HTMLElement>('[role="combobox"]')!;
  act(() => {
    select.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
  });
  const option = document.body.querySelector<HTMLElement>(`li[data-value="${kind}"]`)!;
  act(() => option.click());
}

describe('EvidenceUpload', () => {
  it('offers each kind its own formats and refuses a file of another type before sending it', () => {
    const host = renderWithSession(<EvidenceUpload view={view} onAdded={async () => {}} />);
    expect(byTestId<HTMLInputElement>(host, 'evidence-file')!.accept).toBe('.jpg,.jpeg,.png');
    pickFile(host, new File(['ID3'], '询问录音.mp3', { type: 'audio/mpeg' }));
    expect(byTestId(host, 'evidence-error')!.textContent).toBe(
      '“询问录音.mp3”不能作为现场照片上传，可上传：JPEG图片、PNG图片',
    );
    chooseKind(host, 'audio');
    expect(byTestId<HTMLInputElement>(host, 'evidence-file')!.accept).toBe('.mp3,.wav,.amr,.m4a');
    pickFile(host, new File(['ID3'], '询问录音.mp3', { type: 'audio/mpeg' }));
    expect(byTestId(host, 'evidence-error')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('uploads the file as bytes, then adds it by hash with its kind, time, place, source and collectors', async () => {
    const host = renderWithSession(<EvidenceUpload view={view} onAdded={async () => {}} />);
    chooseKind(host, 'scan');
    pickFile(host, new File(['%PDF-1.7'], '监测报告.pdf', { type: 'application/pdf' }));
    type(host, 'evidence-description', '监测报告');
    type(host, 'evidence-date', '2026-12-01');
    type(host, 'evidence-time', '09:30');
    type(host, 'evidence-place', '厂区办公室');
    type(host, 'evidence-source', '当事人提供');
    type(host, 'evidence-collectors', '张伟、王强');
    await act(async () => {
      byTestId<HTMLButtonElement>(host, 'evidence-upload')!.click();
    });
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(vi.mocked(uploadEvidenceFile).mock.calls[0]![0]).toMatchObject({ file: { name: '监测报告.pdf' } });
    expect(vi.mocked(uploadEvidenceFile).mock.calls[0]![1]).toBe('scan');
    expect(vi.mocked(send).mock.calls[0]).toEqual([
      'evidence.add',
      {
        caseId: 'c1',
        kind: 'scan',
        fileName: '监测报告.pdf',
        uploadHash: hash,
        description: '监测报告',
        takenOn: '2026-12-01',
        takenAt: '09:30',
        place: '厂区办公室',
        source: '当事人提供',
        collectors: ['张伟', '王强'],
      },
    ]);
  });
});
