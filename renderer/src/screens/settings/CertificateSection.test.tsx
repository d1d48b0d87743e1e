// @vitest-environment jsdom
/**
 * 电子签章证书: Enter in 证书密码 sets the certificate, as 设置证书 does; the buttons beside the
 * stretched password field keep their words on one line (at 1366 px they used to break in two).
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

const send = vi.fn(async (_name: string, _input: unknown) => ({ commonName: '黔东南州生态环境局天柱分局' }));
vi.mock('#renderer/api/send', () => ({ send: (name: string, input: unknown) => send(name, input) }));
const { CertificateSection } = await import('./CertificateSection');

afterEach(() => {
  cleanup();
  send.mockClear();
});

function type(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('CertificateSection', () => {
  it('Enter in 证书密码 sets the chosen certificate with that password', async () => {
    const onChanged = vi.fn(async () => {});
    const el = renderWithSession(<CertificateSection certificate={null} canEdit onChanged={onChanged} />, ['head']);
    const file = byTestId<HTMLInputElement>(el, 'certificate-file')!;
    Object.defineProperty(file, 'files', { value: [new File(['p12'], 'bureau.p12')], configurable: true });
    act(() => file.dispatchEvent(new Event('change', { bubbles: true })));
    expect(byTestId(el, 'certificate-pick')!.textContent).toContain('bureau.p12');
    const password = byTestId<HTMLInputElement>(el, 'certificate-password')!;
    type(password, 'secret-2026');
    act(() => password.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    // The file is read (FileReader) before it is sent.
    await act(() =>
      vi.waitFor(() =>
        expect(send).toHaveBeenCalledWith('settings.setCertificate', { p12Base64: 'cDEy', password: 'secret-2026' }),
      ),
    );
    await act(() => vi.waitFor(() => expect(onChanged).toHaveBeenCalledOnce()));
  });

  it('选择证书文件… and 设置证书 do not wrap beside the password field', () => {
    const el = renderWithSession(<CertificateSection certificate={null} canEdit onChanged={async () => {}} />, [
      'head',
    ]);
    for (const id of ['certificate-pick', 'certificate-save']) {
      const style = getComputedStyle(byTestId(el, id)!);
      expect(style.whiteSpace).toBe('nowrap');
      expect(style.flexShrink).toBe('0');
    }
  });
});
