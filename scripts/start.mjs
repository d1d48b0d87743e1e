// `npm start`: the Electron app where its binary is present, otherwise the very same app
// (renderer + core) served on 127.0.0.1 with its address printed. It sets ANJUAN_DEMO=1: an empty
// data directory gets the demo bureau and its published accounts (ANJUAN_DEMO=0 npm start: the
// first-run setup of an installed workstation instead).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;

function electronBinary() {
  try {
    // Electron 45's package downloads its binary when required without one (a stack trace offline):
    // its install writes path.txt next to package.json only once the binary is there.
    if (!existsSync(join(dirname(require.resolve('electron/package.json')), 'path.txt'))) return null;
    const path = require('electron'); // the npm package exports the binary's path
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = process.env.ANJUAN_NO_ELECTRON ? null : electronBinary();
const [cmd, args] = electron
  ? [electron, [root]]
  : [process.execPath, [...require('../resources/core-node-flags.json').flags, `${root}dist/core/host.mjs`]];
if (!electron) console.log('未找到 Electron 程序文件，改为在本机浏览器中提供同一应用。');
const env = { ...process.env, ANJUAN_DEMO: process.env.ANJUAN_DEMO ?? '1' };
if (env.ANJUAN_DEMO === '1')
  console.log('演示模式（ANJUAN_DEMO=1）：新的数据目录将创建演示单位和公开的演示账号，不得用于正式办案。');
const child = spawn(cmd, args, { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
