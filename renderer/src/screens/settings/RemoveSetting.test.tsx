// @vitest-environment jsdom
/**
 * A setting's change (useSettingAction) and its removal after a confirmation (RemoveSetting), as the
 * 证书 and 印章 sections use them: success says so and reads the settings again; a refusal keeps the
 * dialog open and says why, in the Alert for a change with input, as a toast for a removal.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '#renderer/api/errors';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { RemoveSetting } from './RemoveSetting';
import { useSettingAction } from './useSettingAction';

afterEach(cleanup);

const click = (el: Element | null): void => {
  if (!el) throw new Error('not rendered');
  act(() => (el as HTMLElement).click());
};
const flush = () => act(async () => {});
const inBody = (id: string) => byTestId(document.body, id);
const refused = () => new ApiError('FORBIDDEN_ROLE', '只有系统管理员可以修改本局设置');

function Removal({ remove, onChanged }: { remove(): Promise<string>; onChanged(): Promise<void> }) {
  const removal = useSettingAction(onChanged, 'toast');
  return (
    <>
      <RemoveSetting action={removal} remove={remove} label="删除证书" title="删除证书？" disabled={false} testId="x">
        此后组卷不再签章。
      </RemoveSetting>
      <span data-testid="pending">{String(removal.pending)}</span>
    </>
  );
}

function Change({ change, onChanged }: { change(): Promise<string>; onChanged(): Promise<void> }) {
  const setting = useSettingAction(onChanged);
  return (
    <>
      <button type="button" data-testid="set" onClick={() => void setting.run(change)} />
      <span data-testid="failure">{setting.failure ?? ''}</span>
    </>
  );
}

describe('RemoveSetting', () => {
  it('asks first, then removes, says so, closes and reads the settings again', async () => {
    const remove = vi.fn(async () => '已删除电子签章证书，此后组卷不再签章');
    const onChanged = vi.fn(async () => {});
    const el = renderWithSession(<Removal remove={remove} onChanged={onChanged} />);
    expect(byTestId(el, 'x')!.textContent).toBe('删除证书');
    click(byTestId(el, 'x'));
    expect(remove).not.toHaveBeenCalled();
    expect(inBody('x-dialog')!.textContent).toContain('此后组卷不再签章。');
    click(inBody('confirm-ok'));
    await flush();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).toContain('已删除电子签章证书，此后组卷不再签章');
    expect(inBody('x-dialog')).toBeNull();
    expect(byTestId(el, 'pending')!.textContent).toBe('false');
  });

  it('keeps the dialog open and shows the refusal as a toast, reading nothing again', async () => {
    const onChanged = vi.fn(async () => {});
    const el = renderWithSession(<Removal remove={() => Promise.reject(refused())} onChanged={onChanged} />);
    click(byTestId(el, 'x'));
    click(inBody('confirm-ok'));
    await flush();
    expect(onChanged).not.toHaveBeenCalled();
    expect(inBody('x-dialog')).not.toBeNull();
    expect(document.body.textContent).toContain('只有系统管理员可以修改本局设置');
    expect(byTestId(el, 'pending')!.textContent).toBe('false');
  });
});

describe('useSettingAction', () => {
  it('keeps a refusal for the section’s Alert and clears it on the next try', async () => {
    const onChanged = vi.fn(async () => {});
    const change = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(refused())
      .mockResolvedValueOnce('已设置本局印章');
    const el = renderWithSession(<Change change={change} onChanged={onChanged} />);
    click(byTestId(el, 'set'));
    await flush();
    expect(byTestId(el, 'failure')!.textContent).toBe('只有系统管理员可以修改本局设置');
    expect(onChanged).not.toHaveBeenCalled();
    click(byTestId(el, 'set'));
    await flush();
    expect(byTestId(el, 'failure')!.textContent).toBe('');
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).toContain('已设置本局印章');
  });
});
