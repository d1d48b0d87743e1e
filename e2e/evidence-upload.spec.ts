/**
 * A 执法记录仪 video as evidence, in the browser: the file goes to PUT /files/upload as bytes with its
 * progress shown, a slow upload can be cancelled (nothing is added), and a finished one is added to the
 * case by hash and appears on the 证据 tab.
 */
import { expect, test } from './fixtures.js';
import { CaseRunner, openCase } from '#core/testing/caseRunner.js';
import { pageCaller } from './pageCaller.js';
import { chinaDate, login } from './support.js';

/** An MP4's first bytes (an `ftyp` box) and `mb` MB after them. */
const mp4 = (mb: number): Buffer =>
  Buffer.concat([
    Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
    Buffer.alloc(mb * 1024 * 1024, 1),
  ]);

test('a video uploads with progress, a slow one can be cancelled, a finished one is on the 证据 tab', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  const t = pageCaller(page);
  const r = await CaseRunner.start(t, { setDate: () => {} });
  const today = chinaDate();
  const caseId = (
    await openCase(t, r.officer, {
      filedOn: today,
      discoveredOn: today,
      violationOn: today,
      summary: '现场检查发现该公司废气未经处理直接排放。',
      requestId: `upload-${Date.now()}`,
    })
  ).state.id;
  await login(page, 'officer', 'officer123', '张伟');
  await page.goto(`/#/cases/${caseId}/evidence`);

  const form = page.getByTestId('evidence-form');
  await form.getByRole('combobox').click();
  await page.getByRole('option', { name: '录像' }).click();

  // slowed to ~1 MB/s, so the progress shows and the cancel lands before the end
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 1024 * 1024,
  });
  await page
    .getByTestId('evidence-file')
    .setInputFiles({ name: '执法记录仪.mp4', mimeType: 'video/mp4', buffer: mp4(40) });
  await page.getByTestId('evidence-description').fill('现场执法记录仪录像');
  await page.getByTestId('evidence-upload').click();
  await expect(page.getByTestId('evidence-progress')).toContainText(/已上传 .* \/ 40\.0MB|已上传 .* \/ 40MB/);
  await page.getByTestId('evidence-cancel').click();
  await expect(page.getByText('已取消上传')).toBeVisible();
  await expect(page.getByTestId('evidence-progress')).toHaveCount(0);
  await expect(page.getByTestId('evidence-item')).toHaveCount(0);

  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.getByTestId('evidence-upload').click();
  await expect(page.getByTestId('evidence-item')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('evidence-item')).toContainText('现场执法记录仪录像');
});
