// Type-checks the four TypeScript projects, two at a time (the machines have two cores; tsc uses one):
// the root project (core, host, CLI, server, scripts, e2e) alongside the three smaller ones in turn.
// Prints each project's errors and fails if any project fails.
import { spawn } from 'node:child_process';

const projects = [['tsconfig.json'], ['main/app/tsconfig.json', 'renderer/tsconfig.json', 'portal/tsconfig.json']];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (out) process.stdout.write(out);
      if (code !== 0) console.error(`类型检查未通过：${project}`);
      resolve(code === 0);
    });
  });
}

async function inTurn(list) {
  let ok = true;
  for (const p of list) ok = (await check(p)) && ok;
  return ok;
}

const results = await Promise.all(projects.map(inTurn));
process.exit(results.every(Boolean) ? 0 : 1);
