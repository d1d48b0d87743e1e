// @vitest-environment jsdom
/**
 * The notice above 本局设置 for whoever may not change the head's settings: an officer reads that only
 * the head changes them; the administrator, who manages the certificate, backups, encryption, updates
 * and sync below it, is not told he can change nothing.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

// Nothing loads: the notice does not wait for the settings.
vi.mock('#renderer/api/send', () => ({ send: () => new Promise(() => {}) }));
const { SettingsScreen } = await import('./SettingsScreen');

afterEach(cleanup);

const notice = async (roles: Parameters<typeof renderWithSession>[1]) => {
  const el = renderWithSession(<SettingsScreen />, roles);
  await act(async () => {});
  return byTestId(el, 'settings-readonly')?.textContent ?? null;
};

describe('SettingsScreen, the read-only notice', () => {
  it('tells an officer that only the head changes the settings', async () => {
    expect(await notice(['officer'])).toBe('只有局负责人可以修改本局设置，您可以查看当前设置和试打印。');
  });

  it('tells the administrator what only the head changes and that the rest is his', async () => {
    const text = await notice(['admin']);
    expect(text).not.toContain('只有局负责人可以修改本局设置');
    expect(text).toContain('打印与PDF、本局印章、期限提醒和本局文书信息只有局负责人可以修改');
    expect(text).toContain('电子签章证书及以下各项由您管理');
  });

  it('shows no notice to the head', async () => {
    expect(await notice(['head'])).toBeNull();
  });
});
