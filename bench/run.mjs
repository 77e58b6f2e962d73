// make bench: one run, seven parts, a table on stdout and bench/results.json. It measures and
// reports; it asserts nothing about time. Ratios are computed within this run.
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import { createClient, loadCore, CjRateLimitError } from '../npm/lib/index.js';
import { startSandbox } from '../npm/lib/sandbox/index.js';
import { CONFIG, CREATE_PARAMS, LIST_BODY } from './fixtures.mjs';
import { normaliseList } from './peers/js-normalizer.mjs';
import { createAjvPeer, createZodPeer } from './peers/request-peers.mjs';
import { compare, median, opsPerSecond } from './stats.mjs';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const NATIVE_BENCH = process.env.CJD_NATIVE_BENCH ?? path.join(ROOT, 'build/bench/bench/native/cjd_core_bench');
const results = { date: new Date().toISOString(), node: process.version, parts: {} };
const rows = [];
const row = (part, measure, value, target = '') => rows.push({ part, measure, value, target });
const fmt = (n, digits = 2) => Number(n).toFixed(digits);

const core = await loadCore();

// 1. Request path ---------------------------------------------------------------------------
{
  const ajv = createAjvPeer();
  const zod = createZodPeer();
  const bodyBytes = core.buildRequest('create', CREATE_PARAMS, CONFIG).body.length;
  const micros = compare({
    core: () => core.buildRequest('create', CREATE_PARAMS, CONFIG),
    ajv: () => ajv(CREATE_PARAMS, CONFIG),
    zod: () => zod(CREATE_PARAMS, CONFIG),
  }, { iterations: 3000 });
  // Where the core's time goes, step by step.
  const json = JSON.stringify(CREATE_PARAMS);
  const steps = compare({ stringify: () => JSON.stringify(CREATE_PARAMS), validate: () => core.validate('create', CREATE_PARAMS) }, { iterations: 3000 });
  results.parts.request = { bodyBytes, paramsBytes: json.length, microsPerCall: micros, opsPerSecond: Object.fromEntries(Object.entries(micros).map(([k, v]) => [k, opsPerSecond(v)])),
    coreVsAjv: micros.ajv / micros.core, coreVsZod: micros.zod / micros.core, steps };
  row('1 request path', `core validate+build (${bodyBytes} B body)`, `${fmt(micros.core)} µs (${opsPerSecond(micros.core)} ops/s)`);
  row('', 'ajv + JSON.stringify', `${fmt(micros.ajv)} µs (${opsPerSecond(micros.ajv)} ops/s)`);
  row('', 'zod + JSON.stringify', `${fmt(micros.zod)} µs (${opsPerSecond(micros.zod)} ops/s)`);
  row('', 'core speed / ajv speed', `${fmt(micros.ajv / micros.core)}x`, '>= 1.00x');
  row('', 'core speed / zod speed', `${fmt(micros.zod / micros.core)}x`);
  row('', 'of which JSON.stringify(params)', `${fmt(steps.stringify)} µs`);
}

// 2. Response path --------------------------------------------------------------------------
{
  const micros = compare({
    core: () => core.parseResponse('getDisputeList', 200, LIST_BODY),
    js: () => normaliseList(200, LIST_BODY),
  }, { iterations: 300 });
  results.parts.response = { bodyBytes: LIST_BODY.length, microsPerCall: micros, coreVsJs: micros.js / micros.core };
  row('2 response path', `core parse+normalise (20 items, ${LIST_BODY.length} B)`, `${fmt(micros.core, 1)} µs`);
  row('', 'JSON.parse + JS normaliser', `${fmt(micros.js, 1)} µs`);
  row('', 'core speed / JS speed', `${fmt(micros.js / micros.core)}x`, '>= 1.00x');
}

// 3. Client overhead ------------------------------------------------------------------------
{
  // The sandbox runs in its own process, so the server does not share this event loop.
  const { child, baseUrl } = await spawnSandbox(['--qps', '0']);
  const token = 'sandbox-access-token';
  const client = await createClient({ accessToken: token, baseUrl, requestsPerSecond: 0 });
  const url = `${baseUrl}/disputes/getDisputeDetail?disputeId=SH1623673863466725378`;
  const headers = { 'CJ-Access-Token': token, Accept: 'application/json' };
  const raw = async () => JSON.parse(await (await fetch(url, { headers })).text());
  const viaClient = () => client.getDisputeDetail('SH1623673863466725378');
  const samples = { client: [], raw: [] };
  const sample = async (name, fn) => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) await fn();
    samples[name].push(((performance.now() - start) * 1000) / 50);
  };
  for (let i = 0; i < 50; i++) { await raw(); await viaClient(); }
  // ABBA order, so drift and position effects fall on both alike.
  for (let s = 0; s < 10; s++) {
    await sample('raw', raw);
    await sample('client', viaClient);
    await sample('client', viaClient);
    await sample('raw', raw);
  }
  child.kill('SIGTERM');
  const client$ = median(samples.client);
  const raw$ = median(samples.raw);
  results.parts.clientOverhead = { microsPerCall: { client: client$, rawFetch: raw$ }, overhead: client$ / raw$ - 1, samples };
  row('3 client overhead', 'getDisputeDetail via client (loopback)', `${fmt(client$, 0)} µs`);
  row('', 'raw fetch + JSON.parse', `${fmt(raw$, 0)} µs`);
  row('', 'client overhead', `${fmt((client$ / raw$ - 1) * 100, 1)} %`, '<= 5 %');
}

// 4. Rate limiter ---------------------------------------------------------------------------
{
  const sandbox = await startSandbox({ port: 0, qps: 10 });
  const client = await createClient({ accessToken: sandbox.accessToken, baseUrl: sandbox.baseUrl, requestsPerSecond: 10, maxRetries: 0 });
  let limited = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: 30 }, () => client.getDisputeList({ pageSize: 1 }).catch((error) => {
    if (error instanceof CjRateLimitError) limited += 1;
    else throw error;
  })));
  const seconds = (performance.now() - start) / 1000;
  await sandbox.close();
  // 30 requests spaced 100 ms apart take 29 intervals: the achieved rate counts those.
  const achieved = 29 / seconds;
  results.parts.rateLimiter = { requests: 30, seconds, achievedPerSecond: achieved, limit: 10, rateLimitedAnswers: limited };
  row('4 rate limiter', '30 calls at 10/s against --qps 10', `${fmt(achieved)} req/s (${fmt((achieved / 10) * 100, 1)} % of the limit)`, '>= 95 %');
  row('', '1600200 answers', String(limited), '0');
}

// 5. Size and start-up ----------------------------------------------------------------------
{
  // What each environment loads: Node's `import` (index.js and what it imports, CJS glue) and
  // a browser's `import` (browser.js and what it imports, ESM glue); the .wasm is shared.
  const nodeLayer = ['index.js', 'client.js', 'core.js', 'errors.cjs', 'load-node.js', 'rate-limiter.js', 'retry-policy.js', 'transport.js'];
  const browserLayer = ['browser.js', 'core.js', 'load-browser.js'];
  const files = {
    wasm: ['npm/wasm/cj-disputes-core.wasm'],
    'ESM glue (browsers)': ['npm/wasm/cj-disputes-core.mjs'],
    'CJS glue (Node)': ['npm/wasm/cj-disputes-core.cjs'],
    'JS layer, Node import (client, core wrapper, errors)': nodeLayer.map((f) => `npm/lib/${f}`),
    'JS layer, browser import (core wrapper)': browserLayer.map((f) => `npm/lib/${f}`),
  };
  const sizes = {};
  for (const [name, list] of Object.entries(files)) {
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of list) {
      const content = await readFile(path.join(ROOT, file));
      rawBytes += content.length;
      gzipBytes += gzipSync(content, { level: 9 }).length;
    }
    sizes[name] = { rawBytes, gzipBytes };
    row(name === 'wasm' ? '5 size' : '', name, `${fmt(rawBytes / 1024, 1)} KB raw, ${fmt(gzipBytes / 1024, 1)} KB gzip`);
  }
  const nodeTotal = sizes.wasm.gzipBytes + sizes['CJS glue (Node)'].gzipBytes + sizes['JS layer, Node import (client, core wrapper, errors)'].gzipBytes;
  const browserTotal = sizes.wasm.gzipBytes + sizes['ESM glue (browsers)'].gzipBytes + sizes['JS layer, browser import (core wrapper)'].gzipBytes;
  row('', 'Node: wasm + glue + JS layer, gzip', `${fmt(nodeTotal / 1024, 1)} KB`, '<= 80 KB');
  row('', 'browser: wasm + glue + JS layer, gzip', `${fmt(browserTotal / 1024, 1)} KB`, '<= 80 KB');

  const probe = `const t0 = performance.now(); const m = await import(${JSON.stringify(path.join(ROOT, 'npm/lib/index.js'))}); await m.loadCore(); console.log(performance.now() - t0);`;
  const nodeTimes = [];
  for (let i = 0; i < 20; i++) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe]);
    nodeTimes.push(Number(stdout.trim()));
  }
  const chromium = await chromiumStartup();
  results.parts.size = { files: sizes, nodeTotalGzipBytes: nodeTotal, browserTotalGzipBytes: browserTotal };
  results.parts.startup = { nodeMillis: median(nodeTimes), nodeSamples: nodeTimes, chromiumMillis: chromium };
  row('', 'import -> ready core, fresh Node (median of 20)', `${fmt(median(nodeTimes), 1)} ms`, '<= 30 ms');
  row('', 'import -> ready core, headless Chromium (median of 10)', chromium === null ? 'not measured (no Chromium)' : `${fmt(chromium, 1)} ms`);
}

// 6. Memory ---------------------------------------------------------------------------------
{
  const bad = { ...CREATE_PARAMS, expectType: 7, productInfoList: [{ lineItemId: 'L1', quantity: 0, price: '1.001' }] };
  const mixed = (i) => {
    switch (i % 6) {
      case 0: return core.buildRequest('create', CREATE_PARAMS, CONFIG);
      case 1: try { return core.buildRequest('create', bad, CONFIG); } catch (error) { return error; }
      case 2: return core.parseResponse('getDisputeList', 200, LIST_BODY);
      case 3: return core.parseResponse('getDisputeList', 502, '<html>502</html>');
      case 4: return core.validate('disputeConfirmInfo', { orderId: '', productInfoList: [] });
      default: return core.money.allocate('100.00', ['1', '2', '3']);
    }
  };
  for (let i = 0; i < 6004; i++) mixed(i);  // ends on the same kind of call as the measured loop
  globalThis.gc?.();
  const before = { ...core.memory(), rss: process.memoryUsage().rss };
  for (let i = 0; i < 100000; i++) mixed(i);
  globalThis.gc?.();
  const after = { ...core.memory(), rss: process.memoryUsage().rss };
  results.parts.memory = { calls: 100000, before, after };
  row('6 memory', 'wasm heap after 100,000 mixed calls', `${fmt(before.heapBytes / 1048576, 2)} -> ${fmt(after.heapBytes / 1048576, 2)} MB`, 'flat');
  row('', 'bytes allocated in the wasm heap', `${before.inUseBytes} -> ${after.inUseBytes}`, 'flat');
  row('', 'process RSS', `${fmt(before.rss / 1048576, 1)} -> ${fmt(after.rss / 1048576, 1)} MB`);
}

// 7. Native reference -----------------------------------------------------------------------
{
  const dir = path.join(tmpdir(), 'cjd-bench');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'params.json'), JSON.stringify(CREATE_PARAMS));
  await writeFile(path.join(dir, 'body.json'), LIST_BODY);
  let native = null;
  try {
    await stat(NATIVE_BENCH);
    const { stdout } = await run(NATIVE_BENCH, ['--benchmark_format=json'], {
      env: { ...process.env, CJD_BENCH_PARAMS: path.join(dir, 'params.json'), CJD_BENCH_BODY: path.join(dir, 'body.json') },
    });
    const medians = JSON.parse(stdout).benchmarks.filter((b) => b.aggregate_name === 'median');
    native = Object.fromEntries(medians.map((b) => [b.run_name.split('/')[0], b.real_time / 1000]));
  } catch (error) {
    native = { error: error.message };
  }
  results.parts.native = native;
  if (native.error) {
    row('7 native reference', 'Google Benchmark', `not run: ${native.error}`);
  } else {
    const wasm = results.parts;
    row('7 native reference', 'request path, native core', `${fmt(native.RequestPath)} µs (wasm path ${fmt(wasm.request.microsPerCall.core / native.RequestPath, 1)}x)`);
    row('', 'response path, native core', `${fmt(native.ResponsePath, 1)} µs (wasm path ${fmt(wasm.response.microsPerCall.core / native.ResponsePath, 1)}x)`);
  }
}

await writeFile(new URL('results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
const widths = ['part', 'measure', 'value', 'target'].map((key) => Math.max(key.length, ...rows.map((r) => r[key].length)));
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['part', 'measure', 'value', 'target']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line([r.part, r.measure, r.value, r.target]));
console.log(`\nwrote bench/results.json (${results.node}, ${results.date})`);

// The sandbox's command line in a child process; resolves with its base URL once it listens.
function spawnSandbox(args) {
  const child = spawn(process.execPath, [path.join(ROOT, 'npm/bin/cj-disputes-sandbox.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /base URL\s+(\S+)/.exec(out);
      if (match) resolve({ child, baseUrl: match[1] });
    });
    child.on('exit', () => reject(new Error(`the sandbox exited: ${out}`)));
  });
}

// Median time from import to a ready core in headless Chromium, over 10 fresh pages.
async function chromiumStartup() {
  let chromium;
  try {
    ({ chromium } = await import(path.join(ROOT, 'npm/node_modules/playwright-core/index.mjs')));
    await stat('/usr/bin/chromium');
  } catch {
    return null;
  }
  const server = http.createServer(async (req, res) => {
    const file = req.url === '/' ? null : path.join(ROOT, 'npm', path.normalize(req.url).replace(/^(\.\.[/\\])+/, ''));
    if (!file) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><script type="module">const t0 = performance.now(); const m = await import("/lib/browser.js"); await m.loadCore(); window.ready = performance.now() - t0;</script>');
      return;
    }
    try {
      const content = await readFile(file);
      const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(content);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const times = [];
  try {
    for (let i = 0; i < 10; i++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => window.ready !== undefined);
      times.push(await page.evaluate(() => window.ready));
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return median(times);
}
