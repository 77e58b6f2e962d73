// "What happens when...": the client against network and CJ faults, each row of the README's
// fault matrix. For every row: what the caller sees, how many attempts were made, and, against
// the sandbox's state, that nothing was created twice or lost. No unhandled rejection and no
// timer outlives a row.
import { createClient, CjApiError, CjNetworkError, CjRateLimitError, CjTimeoutError } from '../../npm/lib/index.js';
import { SANDBOX_API_KEY, startSandbox } from '../../npm/lib/sandbox/index.js';
import { ok, startScriptServer } from './helpers/script-server.mjs';

const ORDER = '2001234567890';
const LINE = { lineItemId: '1003', quantity: 1, price: '0.10' };
const createParams = (businessDisputeId) => ({ businessDisputeId, orderId: ORDER, disputeReasonId: 3, expectType: 1, refundType: 1, messageText: 'Bent', productInfoList: [LINE] });

let sandbox;
const unhandled = [];
const onUnhandled = (reason) => unhandled.push(reason);
let timersBefore;

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, qps: 0 });
  timersBefore = timers();
});
afterEach(async () => {
  await sandbox.close();
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
  expect(timers()).toBeLessThanOrEqual(timersBefore);  // no timeout or backoff timer left running
});

const client = (options = {}) => createClient({ accessToken: sandbox.accessToken, baseUrl: sandbox.baseUrl, requestsPerSecond: 0, ...options });
const faults = (...list) => fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ faults: list }) });
const disputesWith = async (businessDisputeId) =>
  (await (await fetch(`${sandbox.url}/__sandbox/disputes`)).json()).data.filter((d) => d.businessDisputeId === businessDisputeId);
async function outcome(promise) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

test('connection refused: CjNetworkError ECONNREFUSED after every retry; nothing sent', async () => {
  const closed = await startScriptServer(() => ok(true));
  await closed.close();
  const cj = await createClient({ accessToken: 't', baseUrl: closed.baseUrl, requestsPerSecond: 0, maxRetries: 2 });
  const { error } = await outcome(cj.createDispute(createParams('refused-1')));
  expect(error).toBeInstanceOf(CjNetworkError);
  expect(error).toMatchObject({ code: 'ECONNREFUSED', attempts: 3, outcomeUnknown: false, businessDisputeId: 'refused-1' });
});

test('reset before the response: retried, then the answer', async () => {
  await faults({ drop: 'before' });
  const cj = await client();
  const detail = await cj.disputeProducts(ORDER);
  expect(detail.orderId).toBe(ORDER);
});

test('reset before the response of a create: retried with the same businessDisputeId, created once', async () => {
  await faults({ drop: 'before' });
  const cj = await client();
  const created = await cj.createDispute(createParams('reset-before-1'));
  expect(created.result).toBe(true);
  expect(await disputesWith('reset-before-1')).toHaveLength(1);
});

test('reset mid-body: retried, then the answer', async () => {
  await faults({ truncate: true });
  const cj = await client();
  const page = await cj.getDisputeList({ orderId: '2001234567895', pageSize: 5 });
  expect(page.list).toHaveLength(5);
});

test('slow headers past the timeout: CjTimeoutError after every attempt', async () => {
  await faults({ latencyMs: 800 }, { latencyMs: 800 });
  const cj = await client({ timeoutMs: 200, maxRetries: 1 });
  const { error } = await outcome(cj.getDisputeDetail('SH1623673863466725378'));
  expect(error).toBeInstanceOf(CjTimeoutError);
  expect(error).toMatchObject({ attempts: 2, timeoutMs: 200, outcomeUnknown: false });
});

test('a 502 HTML page: retried, then the answer; twice more than allowed: CjApiError kind server', async () => {
  await faults({ html: 502 });
  const cj = await client({ maxRetries: 1 });
  expect((await cj.getDisputeDetail('SH1623673863466725378')).id).toBe('SH1623673863466725378');
  await faults({ html: 502 }, { html: 502 });
  const { error } = await outcome(cj.getDisputeDetail('SH1623673863466725378'));
  expect(error).toBeInstanceOf(CjApiError);
  expect(error).toMatchObject({ kind: 'server', httpStatus: 502, code: null, attempts: 2 });
});

test('truncated JSON (a complete answer cut short): CjNetworkError after the retries', async () => {
  const server = await startScriptServer(() => ({ status: 200, body: '{"code":200,"result":true,"data":{"id":"SH1","mon' }));
  try {
    const cj = await createClient({ accessToken: 't', baseUrl: server.baseUrl, requestsPerSecond: 0, maxRetries: 1 });
    const { error } = await outcome(cj.getDisputeDetail('SH1'));
    expect(error).toBeInstanceOf(CjNetworkError);
    expect(error.message).toMatch(/could not be read/);
    expect(error.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  } finally {
    await server.close();
  }
});

test('1600200 on HTTP 200: waits, retries, succeeds', async () => {
  await faults({ fail: 1600200 });
  const cj = await client();
  expect((await cj.disputeProducts(ORDER)).orderId).toBe(ORDER);
});

test('1600200 on HTTP 429 with Retry-After: waits that long, then succeeds', async () => {
  await faults({ fail: 1600200, status: 429 });
  const cj = await client();
  const started = performance.now();
  expect((await cj.disputeProducts(ORDER)).orderId).toBe(ORDER);
  expect(performance.now() - started).toBeGreaterThanOrEqual(950);  // Retry-After: 1
});

test('1600200 that never ends: CjRateLimitError after every attempt', async () => {
  await faults({ fail: 1600200, status: 429 }, { fail: 1600200, status: 429 });
  const cj = await client({ maxRetries: 1 });
  const { error } = await outcome(cj.disputeProducts(ORDER));
  expect(error).toBeInstanceOf(CjRateLimitError);
  expect(error).toMatchObject({ attempts: 2, retryAfter: 1, httpStatus: 429 });
});

test('a burst of 1600000: retried through it; a longer burst: CjApiError kind server', async () => {
  await faults({ fail: 1600000 }, { fail: 1600000 });
  const cj = await client({ maxRetries: 2 });
  expect((await cj.createDispute(createParams('busy-1'))).result).toBe(true);
  expect(await disputesWith('busy-1')).toHaveLength(1);
  await faults({ fail: 1600000 }, { fail: 1600000 }, { fail: 1600000 });
  const { error } = await outcome(cj.createDispute(createParams('busy-2')));
  expect(error).toMatchObject({ kind: 'server', code: 1600000, attempts: 3, businessDisputeId: 'busy-2' });
  expect(await disputesWith('busy-2')).toHaveLength(0);  // refused every time: nothing created
});

test('token rejected, then renewed through getAccessToken', async () => {
  const tokens = ['expired-token'];
  const getAccessToken = async () => {
    if (tokens.length) return tokens.shift();
    const answer = await (await fetch(`${sandbox.baseUrl}/authentication/getAccessToken`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: SANDBOX_API_KEY }),
    })).json();
    return answer.data.accessToken;
  };
  const cj = await createClient({ getAccessToken, baseUrl: sandbox.baseUrl, requestsPerSecond: 0 });
  expect((await cj.createDispute(createParams('renewed-1'))).result).toBe(true);
  expect(await disputesWith('renewed-1')).toHaveLength(1);
});

test('a create timing out after it was sent: outcome unknown, businessDisputeId kept, created once', async () => {
  await faults({ stallMs: 600 });
  const cj = await client({ timeoutMs: 200, maxRetries: 0 });
  const { error } = await outcome(cj.createDispute(createParams('stalled-1')));
  expect(error).toBeInstanceOf(CjTimeoutError);
  expect(error).toMatchObject({ outcomeUnknown: true, businessDisputeId: 'stalled-1', attempts: 1 });
  await new Promise((resolve) => setTimeout(resolve, 500));  // the sandbox finishes its late answer
  expect(await disputesWith('stalled-1')).toHaveLength(1);

  // With retries, the repeat carries the same businessDisputeId: CJ refuses a second dispute.
  await faults({ stallMs: 600 });
  const retrying = await client({ timeoutMs: 200, maxRetries: 1 });
  const otherLine = { ...createParams('stalled-2'), productInfoList: [{ lineItemId: '1002', quantity: 1, price: '19.99' }] };
  const second = await outcome(retrying.createDispute(otherLine));
  expect(second.error).toBeInstanceOf(CjApiError);
  expect(second.error).toMatchObject({ code: 1607008, outcomeUnknown: true, businessDisputeId: 'stalled-2', attempts: 2 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await disputesWith('stalled-2')).toHaveLength(1);
});

test('a create whose connection is cut after CJ recorded it: outcome unknown, created once', async () => {
  await faults({ drop: 'after' });
  const cj = await client({ maxRetries: 1 });
  const { error } = await outcome(cj.createDispute(createParams('cut-1')));
  expect(error).toMatchObject({ code: 1607008, outcomeUnknown: true, businessDisputeId: 'cut-1', attempts: 2 });
  expect(await disputesWith('cut-1')).toHaveLength(1);
});
