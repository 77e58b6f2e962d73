// The package as a user gets it: npm pack, install the tarball into a fresh folder, then
// import and require it from plain Node processes and call a method over HTTP.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ok, startScriptServer } from './helpers/script-server.mjs';

const run = promisify(execFile);
const packageDir = new URL('../../npm/', import.meta.url).pathname;
let workDir;
let server;

beforeAll(async () => {
  server = await startScriptServer(() => ok({ id: 'SH1623673863466725376', money: 12.5, status: 'Processing' }));
  workDir = await mkdtemp(path.join(tmpdir(), 'cj-disputes-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: packageDir });
  const [{ filename, files }] = JSON.parse(stdout);
  expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['lib/index.js', 'lib/index.cjs', 'wasm/cj-disputes-core.wasm', 'types/index.d.ts']));
  await writeFile(path.join(workDir, 'package.json'), '{"name":"consumer","private":true}');
  await run('npm', ['install', '--no-audit', '--no-fund', '--offline', path.join(workDir, path.basename(filename))], { cwd: workDir });
}, 120000);

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

async function node(file, source) {
  await writeFile(path.join(workDir, file), source);
  const started = performance.now();
  const { stdout } = await run(process.execPath, [file], { cwd: workDir, timeout: 20000 });
  return { out: stdout.trim(), ms: performance.now() - started };
}

const call = (baseUrl) => `
  const cj = await createClient({ accessToken: 'tok', baseUrl: '${baseUrl}', requestsPerSecond: 0 });
  const detail = await cj.getDisputeDetail('SH1623673863466725376');
  const core = await loadCore();
  console.log(JSON.stringify({ detail, sum: core.money.add('0.10', '0.20'), isError: new CjValidationError([]) instanceof CjError }));
`;

test('import works from an installed tarball', async () => {
  const { out } = await node('esm.mjs', `import { createClient, loadCore, CjError, CjValidationError } from 'cj-disputes';\n${call(server.baseUrl)}`);
  expect(JSON.parse(out)).toEqual({ detail: { id: 'SH1623673863466725376', money: '12.50', refundAmount: '12.50', status: 'Processing' }, sum: '0.30', isError: true });
});

test('require works from an installed tarball, with the same error classes as import', async () => {
  const { out } = await node('cjs.cjs', `const { createClient, loadCore, CjError, CjValidationError } = require('cj-disputes');
    (async () => { ${call(server.baseUrl)}
      const esm = await import('cj-disputes');
      console.log(esm.CjError === CjError);
    })();`);
  const [first, second] = out.split('\n');
  expect(JSON.parse(first).detail.money).toBe('12.50');
  expect(second).toBe('true');
});

test('the process exits right after the last call: no timer or socket left behind', async () => {
  const { ms } = await node('exit.mjs', `import { createClient, loadCore, CjError, CjValidationError } from 'cj-disputes';
    const cj0 = await createClient({ accessToken: 'tok', baseUrl: '${server.baseUrl}', requestsPerSecond: 1, timeoutMs: 30000 });
    await cj0.getDisputeDetail('SH1');
    ${call(server.baseUrl)}`);
  // A leftover 30 s timeout or keep-alive socket would hold the process open for seconds.
  expect(ms).toBeLessThan(3000);
});
