/**
 * `npm run server`: the provincial server on 127.0.0.1 (docs/server.md). Without DATABASE_URL it
 * starts its own PostgreSQL in ANJUAN_SERVER_DATA_DIR; Ctrl+C (SIGINT) or SIGTERM stops both cleanly.
 */
import { readConfig } from './config.js';
import { startServer } from './start.js';

async function main(): Promise<void> {
  const config = readConfig();
  const server = await startServer(config);
  const db = server.embeddedDir ? `嵌入式 PostgreSQL：${server.embeddedDir}` : '外部 PostgreSQL（DATABASE_URL）';
  console.log(`案卷省级服务器已启动：${server.url} （${db}）`);
  console.log(`案件文件存放于：${server.filesWhere}`);
  if (server.migrationsApplied.length) console.log(`已应用数据库迁移：${server.migrationsApplied.join('、')}`);
  if (server.bootstrap) {
    console.log(
      server.bootstrap.generatedPassword
        ? `首次启动，已创建省级系统管理员“${server.bootstrap.username}”，一次性密码：${server.bootstrap.generatedPassword}\n（只显示这一次，请立即记下并妥善保管）`
        : `首次启动，已创建省级系统管理员“${server.bootstrap.username}”，密码为 ANJUAN_SERVER_ADMIN_PASSWORD 所设`,
    );
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止服务器…`);
    server.stop().then(
      () => {
        console.log('服务器已停止');
        process.exit(0);
      },
      (e: unknown) => {
        console.error('停止时出错：', e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`案卷省级服务器未能启动：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
