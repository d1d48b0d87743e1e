/**
 * `npm start` without Electron: the core and the renderer on http://127.0.0.1, address printed.
 * ANJUAN_PORT chooses the port (default 47800; 0 = any free port), ANJUAN_DATA_DIR the data,
 * ANJUAN_DEMO=1 the demo bureau in an empty data directory (else the first-run setup).
 */
import { join } from 'node:path';
import { createCore } from '#core/core.js';
import { appRoot } from '#core/paths.js';
import { resolveDataDir } from './dataDir.js';
import { startWebHost } from './webHost.js';
import { fileClock } from './testClock.js';
import { demoRequested } from './demoEnv.js';

async function main(): Promise<void> {
  const dataDir = resolveDataDir();
  const clockFile = process.env.ANJUAN_TEST_CLOCK_FILE;
  if (clockFile)
    console.warn(
      `警告：测试时钟已启用（${clockFile}），工作站日期由该文件决定。正式使用时不得设置 ANJUAN_TEST_CLOCK_FILE。`,
    );
  const demo = demoRequested();
  // scheduledBackups: the daily backup while the host runs (core/backup/).
  const core = await createCore({
    dataDir,
    demo,
    scheduledBackups: true,
    sync: { schedule: true }, // rounds with the provincial server every 5 min once enrolled (core/sync/)
    ...(clockFile ? { clock: fileClock(clockFile) } : {}),
  });
  const { server, url } = await startWebHost({
    port: Number(process.env.ANJUAN_PORT ?? 47800),
    staticDir: join(appRoot(), 'dist', 'renderer'),
    dispatch: (e) => core.dispatch(e),
    openFile: (request, token) => core.file(request, token), // files as bytes, never Base64 in JSON
    receiveUpload: (meta, source, token, o) => core.upload(meta, source, token, o), // evidence in as a stream
  });
  console.log(`案卷工作站已启动：${url}`);
  console.log(`数据目录：${dataDir}`);
  if (!core.services.accounts.isSetUp())
    console.log('本工作站尚未设置：请在浏览器中打开上述地址，完成初始设置（本单位和系统管理员账号）。');
  const stop = (): void => {
    server.close();
    void core.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error('案卷工作站启动失败：', e instanceof Error ? e.message : e);
  process.exit(1);
});
