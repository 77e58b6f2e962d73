#!/usr/bin/env node
// npx cj-disputes-sandbox --port 8787: a local stand-in for CJ's disputes API.
import { parseArgs } from 'node:util';

import { readSeedFile, startSandbox } from '../lib/sandbox/index.js';

const HELP = `Usage: cj-disputes-sandbox [options]

A local, stateful stand-in for the CJ Dropshipping disputes API (API 2.0).

  --port N                 port to listen on (default 8787; 0 = any free port)
  --host HOST              address to listen on (default 127.0.0.1)
  --seed FILE              load orders, reasons, accounts and disputes from a JSON file
  --data FILE              keep state in this SQLite file across restarts (default: in memory)
  --qps N                  requests per second per access token (default 1; 0 = no limit)
  --rate-limit-status N    HTTP status of a 1600200 answer: 200 (CJ's usual) or 429
  --latency MS             answer every request MS milliseconds late
  --fail-rate P            answer 1600000 (system busy) with probability P (0..1)
  --drop-rate P            close the connection mid-request with probability P (0..1)
  --auto-resolve SECONDS   settle Processing disputes after SECONDS (refund or reissue, as asked)
  --help                   show this text
`;

function fail(message) {
  process.stderr.write(`cj-disputes-sandbox: ${message}\n\n${HELP}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      data: { type: 'string' },
      qps: { type: 'string', default: '1' },
      'rate-limit-status': { type: 'string', default: '200' },
      latency: { type: 'string', default: '0' },
      'fail-rate': { type: 'string', default: '0' },
      'drop-rate': { type: 'string', default: '0' },
      'auto-resolve': { type: 'string', default: '0' },
      'allow-crash-injection': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

function number(name, { min = 0, max = Infinity } = {}) {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < min || value > max) fail(`--${name} must be a number from ${min} to ${max}`);
  return value;
}

const options = {
  port: number('port', { max: 65535 }),
  host: values.host,
  dataFile: values.data,
  qps: number('qps'),
  rateLimitStatus: number('rate-limit-status', { min: 200, max: 599 }),
  latencyMs: number('latency'),
  failRate: number('fail-rate', { max: 1 }),
  dropRate: number('drop-rate', { max: 1 }),
  autoResolveSeconds: number('auto-resolve'),
  allowCrashInjection: values['allow-crash-injection'],
};
if (![200, 429].includes(options.rateLimitStatus)) fail('--rate-limit-status must be 200 or 429');

try {
  if (values.seed) options.seed = await readSeedFile(values.seed);
  const sandbox = await startSandbox(options);
  process.stdout.write(`CJ sandbox listening on ${sandbox.url}
  base URL      ${sandbox.baseUrl}
  access token  ${sandbox.accessToken ?? '(none in this seed)'}
  API key       ${sandbox.apiKey ?? '(none in this seed)'}
  state         ${options.dataFile ? `SQLite file ${options.dataFile}` : 'in memory'}; ${options.qps > 0 ? `${options.qps} request(s)/s per token` : 'no rate limit'}
Try: curl -H 'CJ-Access-Token: ${sandbox.accessToken}' '${sandbox.baseUrl}/disputes/disputeProducts?orderId=2001234567890'
`);
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`cj-disputes-sandbox: ${error.message}\n`);
  process.exit(1);
}
