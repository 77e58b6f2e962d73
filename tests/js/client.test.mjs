// The client over real HTTP against a scripted server on 127.0.0.1.
import { jest } from '@jest/globals';

import {
  createClient, CjError, CjApiError, CjNetworkError, CjRateLimitError, CjTimeoutError, CjValidationError,
} from '../../npm/lib/index.js';
import { fail, ok, startScriptServer } from './helpers/script-server.mjs';

const TOKEN = 'tok-SECRET-0123456789';
let server;
let script;  // (request) => answer, replaced per test

beforeAll(async () => {
  server = await startScriptServer((request) => script(request));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  script = () => ok(true);
});

const client = (options = {}) => createClient({ accessToken: TOKEN, baseUrl: server.baseUrl, requestsPerSecond: 0, ...options });

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('every method sends the documented request', () => {
  test('disputeProducts: GET with the order id in the query', async () => {
    script = () => ok({ orderId: 2001234567890, productInfoList: [{ lineItemId: 'L1', price: 12.5, quantity: '2', canChoose: 'true' }] });
    const cj = await client();
    const data = await cj.disputeProducts('2001234567890');
    expect(data).toEqual({ orderId: '2001234567890', productInfoList: [{ lineItemId: 'L1', price: '12.50', quantity: 2, canChoose: true }] });
    const [request] = server.requests;
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/api2.0/v1/disputes/disputeProducts');
    expect(request.rawQuery).toBe('?orderId=2001234567890');
    expect(request.headers['cj-access-token']).toBe(TOKEN);
    expect(request.headers.accept).toBe('application/json');
  });

  test('disputeConfirmInfo: POST with a JSON body, amounts with two decimals', async () => {
    const cj = await client();
    script = () => ok({ orderId: 'O1', expectResultOptionList: ['1', '2'], disputeReasonList: [{ disputeReasonId: '1', reasonName: 'Damaged' }] });
    const data = await cj.disputeConfirmInfo({ orderId: 'O1', productInfoList: [{ lineItemId: 'L1', quantity: 2, price: 12.5 }] });
    expect(data.expectResultOptionList).toEqual([1, 2]);
    expect(data.disputeReasonList).toEqual([{ disputeReasonId: 1, reasonName: 'Damaged' }]);
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toBe('{"orderId":"O1","productInfoList":[{"lineItemId":"L1","quantity":2,"price":12.50}]}');
  });

  test('createDispute: fills a fresh UUID businessDisputeId and returns it', async () => {
    const cj = await client();
    const params = { orderId: 'O1', disputeReasonId: 1, expectType: 1, refundType: 1, messageText: 'Broken', productInfoList: [{ lineItemId: 'L1', quantity: 1, price: '3.00' }] };
    const first = await cj.createDispute(params);
    const second = await cj.createDispute(params);
    expect(first.result).toBe(true);
    expect(first.businessDisputeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.businessDisputeId).not.toBe(first.businessDisputeId);
    expect(JSON.parse(server.requests[0].body).businessDisputeId).toBe(first.businessDisputeId);
    const given = await cj.createDispute({ ...params, businessDisputeId: 'mine-1' });
    expect(given.businessDisputeId).toBe('mine-1');
    expect(server.requests[2].path).toBe('/api2.0/v1/disputes/create');
  });

  test('cancelDispute, getDisputeList, getDisputeDetail', async () => {
    const cj = await client();
    expect(await cj.cancelDispute({ orderId: 'O1', disputeId: 'SH1' })).toBe(true);
    expect(server.requests[0].body).toBe('{"orderId":"O1","disputeId":"SH1"}');
    script = () => ok({ pageNum: '2', pageSize: 5, total: '7', list: [{ id: 1623673863466725376n.toString(), money: 1.5 }] });
    const page = await cj.getDisputeList({ orderId: 'O 1&x', pageNumber: 2, pageSize: 5 });
    expect(page).toEqual({ pageNum: 2, pageSize: 5, total: 7, list: [{ id: '1623673863466725376', money: '1.50', refundAmount: '1.50' }] });
    expect(server.requests[1].rawQuery).toBe('?orderId=O%201%26x&pageNumber=2&pageNum=2&pageSize=5');
    script = () => ({ status: 200, body: '{"code":200,"result":true,"data":{"id":1623673863466725376,"money":12.50,"createDate":1736928600000},"requestId":"r9"}' });
    const detail = await cj.getDisputeDetail('SH1623673863466725376');
    expect(detail).toEqual({ id: '1623673863466725376', money: '12.50', refundAmount: '12.50', createDate: 1736928600000 });
    expect(server.requests[2].rawQuery).toBe('?disputeId=SH1623673863466725376');
  });

  test('iterateDisputes walks every page and stops', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ id: `SH${i}`, status: 'Processing' }));
    script = (request) => {
      const page = Number(request.query.pageNumber);
      const size = Number(request.query.pageSize);
      return ok({ pageNum: page, pageSize: size, total: all.length, list: all.slice((page - 1) * size, page * size) });
    };
    const cj = await client();
    const ids = [];
    for await (const dispute of cj.iterateDisputes({ orderId: 'O1', pageSize: 3 })) ids.push(dispute.id);
    expect(ids).toEqual(all.map((d) => d.id));
    expect(server.requests.map((r) => r.query.pageNumber)).toEqual(['1', '2', '3']);
    // A server that keeps answering full pages with a wrong total still ends (at the total).
    script = () => ok({ total: 4, list: [{ id: 'a' }, { id: 'b' }] });
    const endless = [];
    for await (const dispute of cj.iterateDisputes({ pageSize: 2 })) endless.push(dispute.id);
    expect(endless).toHaveLength(4);
  });
});

describe('validation happens before anything is sent', () => {
  test('bad input throws CjValidationError listing every issue, and sends nothing', async () => {
    const cj = await client();
    const error = await rejection(cj.createDispute({ orderId: 'O1', expectType: 3, messageText: 'x'.repeat(501), productInfoList: [] }));
    expect(error).toBeInstanceOf(CjValidationError);
    expect(error).toBeInstanceOf(CjError);
    expect(error.issues.map((i) => `${i.field}:${i.rule}`)).toEqual(
      ['disputeReasonId:required', 'expectType:enum', 'refundType:required', 'messageText:max_length', 'productInfoList:min_items']);
    expect(error.businessDisputeId).toEqual(expect.any(String));
    expect(error.attempts).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  test('amounts: numbers with more than two decimals are refused', async () => {
    const cj = await client();
    const error = await rejection(cj.disputeConfirmInfo({ orderId: 'O1', productInfoList: [{ lineItemId: 'L1', quantity: 1, price: 0.1 + 0.2 }] }));
    expect(error.issues).toEqual([{ field: 'productInfoList[0].price', rule: 'money_precision', message: expect.any(String) }]);
    expect(server.requests).toHaveLength(0);
  });

  test('bad options are refused at createClient', async () => {
    await expect(createClient({})).rejects.toThrow(/accessToken/);
    await expect(createClient({ accessToken: 't', baseUrl: 'http://developers.cjdropshipping.com/api2.0/v1' })).rejects.toThrow(/https/);
    await expect(createClient({ accessToken: 't', timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
    await expect(createClient({ accessToken: 't', maxRetries: -1 })).rejects.toThrow(/maxRetries/);
    await expect(createClient({ accessToken: 't', requestsPerSecond: -1 })).rejects.toThrow(/requestsPerSecond/);
    await expect(createClient({ accessToken: 't', retries: 3 })).rejects.toThrow(/retries is not an option/);
    await expect(createClient({ accessToken: 't', fetch: 'no' })).rejects.toThrow(/fetch/);
  });
});

describe('errors', () => {
  test('a CJ error envelope becomes CjApiError with code, requestId, httpStatus, operation, kind', async () => {
    script = () => fail(1603100, 'Order not found', { requestId: 'rid-7' });
    const cj = await client();
    const error = await rejection(cj.disputeProducts('O404'));
    expect(error).toBeInstanceOf(CjApiError);
    expect(error).toMatchObject({ code: 1603100, message: 'Order not found', requestId: 'rid-7', httpStatus: 200, operation: 'disputeProducts', kind: 'not_found', attempts: 1 });
    expect(server.requests).toHaveLength(1);  // not retryable
  });

  test('a non-JSON or truncated body is a CjNetworkError (retried)', async () => {
    script = () => ({ status: 200, body: '{"code":200,"result":tr' });
    const cj = await client({ maxRetries: 1 });
    const error = await rejection(cj.getDisputeDetail('SH1'));
    expect(error).toBeInstanceOf(CjNetworkError);
    expect(error.message).toMatch(/could not be read/);
    expect(server.requests).toHaveLength(2);
  });

  test('an HTML 502 page is retried, then a CjApiError of kind server', async () => {
    script = () => ({ status: 502, body: '<html><body>502 Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } });
    const cj = await client({ maxRetries: 1 });
    const error = await rejection(cj.getDisputeDetail('SH1'));
    expect(error).toBeInstanceOf(CjApiError);
    expect(error).toMatchObject({ kind: 'server', httpStatus: 502, code: null, attempts: 2 });
  });

  test('a redirect is not followed: the token never goes elsewhere', async () => {
    script = (request) => request.path.includes('evil') ? ok(true) : { status: 302, headers: { location: `${server.origin}/evil` }, body: '' };
    const cj = await client();
    const error = await rejection(cj.getDisputeDetail('SH1'));
    expect(error).toBeInstanceOf(CjApiError);
    expect(error.message).toMatch(/redirect/);
    expect(server.requests.map((r) => r.path)).toEqual(['/api2.0/v1/disputes/getDisputeDetail']);
  });

  test('the token never appears in messages, stacks or JSON of errors', async () => {
    script = () => fail(1600001, `Invalid API key or access token: ${TOKEN}`);
    const cj = await client();
    const error = await rejection(cj.getDisputeDetail('SH1'));
    expect(error.kind).toBe('auth');
    for (const text of [error.message, error.stack, JSON.stringify(error), String(error)]) expect(text).not.toContain(TOKEN);
    expect(error.message).toContain('[redacted]');
    const validation = await rejection(cj.getDisputeDetail(TOKEN + 'x'.repeat(100)));
    expect(JSON.stringify(validation)).not.toContain(TOKEN);
  });
});

describe('retries', () => {
  const busyThen = (answers) => (request) => answers[Math.min(request.index, answers.length - 1)];

  test('1600200 on HTTP 200 is retried after Retry-After, then succeeds', async () => {
    script = busyThen([fail(1600200, 'Too Many Requests', { headers: { 'retry-after': '0' } }), ok({ id: 'SH1' })]);
    const cj = await client();
    await expect(cj.getDisputeDetail('SH1')).resolves.toEqual({ id: 'SH1' });
    expect(server.requests).toHaveLength(2);
  });

  test('1600200 on HTTP 429 honours Retry-After seconds', async () => {
    script = busyThen([fail(1600200, 'Too Many Requests', { status: 429, headers: { 'retry-after': '1' } }), ok({ id: 'SH1' })]);
    const cj = await client();
    await cj.getDisputeDetail('SH1');
    const waited = server.requests[1].at - server.requests[0].at;
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  test('rate limit still hit after the retries: CjRateLimitError', async () => {
    script = () => fail(1600200, 'Too Many Requests', { status: 429, headers: { 'retry-after': '0' } });
    const cj = await client({ maxRetries: 2 });
    const error = await rejection(cj.getDisputeDetail('SH1'));
    expect(error).toBeInstanceOf(CjRateLimitError);
    expect(error).toBeInstanceOf(CjApiError);
    expect(error).toMatchObject({ code: 1600200, httpStatus: 429, attempts: 3, retryAfter: 0 });
  });

  test.each([
    ['1600000 system busy', fail(1600000, 'System busy')],
    ['1600301 read timed out', fail(1600301, 'Read timed out')],
    ['HTTP 503', { status: 503, body: 'unavailable' }],
    ['a reset connection', { destroy: true }],
  ])('%s is retried with backoff', async (_name, first) => {
    script = busyThen([first, ok({ id: 'SH1' })]);
    const cj = await client();
    await expect(cj.getDisputeDetail('SH1')).resolves.toEqual({ id: 'SH1' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(200);  // backoff of 250-500 ms
  });

  test.each([
    ['1600100 param error', fail(1600100, 'Param error')],
    ['1607008 create failed', fail(1607008, 'dispute create failed')],
    ['1600201 quota', fail(1600201, 'Quota used up')],
  ])('%s is not retried', async (_name, answer) => {
    script = () => answer;
    const cj = await client();
    await expect(cj.cancelDispute({ orderId: 'O1', disputeId: 'SH1' })).rejects.toBeInstanceOf(CjApiError);
    expect(server.requests).toHaveLength(1);
  });

  test('maxRetries: 0 sends once', async () => {
    script = () => fail(1600000, 'System busy');
    const cj = await client({ maxRetries: 0 });
    await expect(cj.getDisputeDetail('SH1')).rejects.toMatchObject({ attempts: 1, kind: 'server' });
    expect(server.requests).toHaveLength(1);
  });

  test('create is retried with the same businessDisputeId', async () => {
    script = busyThen([fail(1600000, 'System busy'), ok(true)]);
    const cj = await client();
    const result = await cj.createDispute({ orderId: 'O1', disputeReasonId: 1, expectType: 1, refundType: 1, messageText: 'x', productInfoList: [{ lineItemId: 'L1', quantity: 1, price: 1 }] });
    expect(server.requests.map((r) => JSON.parse(r.body).businessDisputeId)).toEqual([result.businessDisputeId, result.businessDisputeId]);
  });

  test('a create that timed out after sending says its outcome is unknown and carries the businessDisputeId', async () => {
    script = () => ({ delayMs: 400, ...ok(true) });
    const cj = await client({ timeoutMs: 100, maxRetries: 1 });
    const error = await rejection(cj.createDispute({ businessDisputeId: 'biz-42', orderId: 'O1', disputeReasonId: 1, expectType: 1, refundType: 1, messageText: 'x', productInfoList: [{ lineItemId: 'L1', quantity: 1, price: 1 }] }));
    expect(error).toBeInstanceOf(CjTimeoutError);
    expect(error).toBeInstanceOf(CjNetworkError);
    expect(error).toMatchObject({ outcomeUnknown: true, businessDisputeId: 'biz-42', operation: 'create', attempts: 2, timeoutMs: 100 });
    expect(error.message).toMatch(/may have been created/);
  });
});

describe('token renewal', () => {
  test('getAccessToken is called again once after 1600001', async () => {
    const getAccessToken = jest.fn().mockResolvedValueOnce('old-token').mockResolvedValueOnce('new-token');
    script = (request) => request.headers['cj-access-token'] === 'new-token' ? ok({ id: 'SH1' }) : fail(1600001, 'Invalid API key or access token');
    const cj = await createClient({ getAccessToken, baseUrl: server.baseUrl, requestsPerSecond: 0 });
    await expect(cj.getDisputeDetail('SH1')).resolves.toEqual({ id: 'SH1' });
    expect(getAccessToken).toHaveBeenCalledTimes(2);
    expect(server.requests.map((r) => r.headers['cj-access-token'])).toEqual(['old-token', 'new-token']);
    // The renewed token is kept for the next calls.
    await cj.getDisputeDetail('SH1');
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  test('a token still rejected after renewal is an auth error, renewed only once', async () => {
    const getAccessToken = jest.fn().mockResolvedValue('bad');
    script = () => fail(1600001, 'Invalid API key or access token');
    const cj = await createClient({ getAccessToken, baseUrl: server.baseUrl, requestsPerSecond: 0 });
    await expect(cj.getDisputeDetail('SH1')).rejects.toMatchObject({ kind: 'auth', code: 1600001 });
    expect(getAccessToken).toHaveBeenCalledTimes(2);
    expect(server.requests).toHaveLength(2);
  });
});

describe('rate limiting and timeouts', () => {
  test('concurrent calls are spaced to requestsPerSecond', async () => {
    script = () => ok({ id: 'SH1' });
    const cj = await client({ requestsPerSecond: 10 });
    await Promise.all(Array.from({ length: 6 }, () => cj.getDisputeDetail('SH1')));
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i].at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
  });

  test('a slow answer times out per attempt', async () => {
    script = () => ({ delayMs: 500, ...ok({ id: 'SH1' }) });
    const cj = await client({ timeoutMs: 100, maxRetries: 0 });
    const started = performance.now();
    const error = await rejection(cj.getDisputeDetail('SH1'));
    expect(error).toBeInstanceOf(CjTimeoutError);
    expect(error.outcomeUnknown).toBe(false);  // not a create
    expect(performance.now() - started).toBeLessThan(450);
  });

  test('connection refused is a CjNetworkError after the retries', async () => {
    const closed = await startScriptServer(() => ok(true));
    const deadUrl = closed.baseUrl;
    await closed.close();
    const cj = await createClient({ accessToken: TOKEN, baseUrl: deadUrl, requestsPerSecond: 0, maxRetries: 1 });
    const error = await rejection(cj.createDispute({ orderId: 'O1', disputeReasonId: 1, expectType: 1, refundType: 1, messageText: 'x', productInfoList: [{ lineItemId: 'L1', quantity: 1, price: 1 }] }));
    expect(error).toBeInstanceOf(CjNetworkError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.outcomeUnknown).toBe(false);  // it never reached a server
    expect(error.attempts).toBe(2);
  });
});

describe('openDispute runs the whole flow', () => {
  const products = { orderId: 'O1', productInfoList: [
    { lineItemId: 'L1', price: '19.99', quantity: 2, canChoose: true },
    { lineItemId: 'L2', price: '5.00', quantity: 1, canChoose: false },
  ] };
  const confirm = { orderId: 'O1', expectResultOptionList: ['1', '2'], disputeReasonList: [{ disputeReasonId: 1, reasonName: 'Damaged' }],
    productInfoList: [{ maxProductPrice: '39.98', maxPostage: '3.00', maxAmount: '42.98', productInfoList: [{ lineItemId: 'L1', price: '19.99', quantity: 2, canChoose: true }] }] };
  const flow = (request) => {
    if (request.path.endsWith('/disputeProducts')) return ok(products);
    if (request.path.endsWith('/disputeConfirmInfo')) return ok(confirm);
    if (request.path.endsWith('/create')) return ok(true);
    return fail(1600101, 'Interface not found');
  };

  test('products -> confirm -> create, with CJ prices and the refund plan', async () => {
    script = flow;
    const cj = await client();
    const result = await cj.openDispute({ orderId: 'O1', lines: [{ lineItemId: 'L1', quantity: 2 }], disputeReasonId: 1, expectType: 1, refundType: 2, messageText: 'Both broken' });
    expect(server.requests.map((r) => r.path.split('/').pop())).toEqual(['disputeProducts', 'disputeConfirmInfo', 'create']);
    const created = JSON.parse(server.requests[2].body);
    expect(created).toEqual({ businessDisputeId: result.businessDisputeId, orderId: 'O1', disputeReasonId: 1, expectType: 1, refundType: 2, messageText: 'Both broken', productInfoList: [{ lineItemId: 'L1', quantity: 2, price: 19.99 }] });
    expect(server.requests[2].body).toContain('"price":19.99');
    expect(result.result).toBe(true);
    expect(result.refundPlan).toMatchObject({ productTotal: '39.98', maxAmount: '42.98', total: '42.98' });
  });

  test('a bad selection is refused before confirm and create', async () => {
    script = flow;
    const cj = await client();
    const error = await rejection(cj.openDispute({ orderId: 'O1', lines: [{ lineItemId: 'L1', quantity: 3 }, { lineItemId: 'L2', quantity: 1 }], disputeReasonId: 1, expectType: 1, refundType: 1, messageText: 'x' }));
    expect(error).toBeInstanceOf(CjValidationError);
    expect(error.issues.map((i) => i.rule)).toEqual(['quantity_above_disputable', 'not_choosable']);
    expect(server.requests.map((r) => r.path.split('/').pop())).toEqual(['disputeProducts']);
  });

  test('a reason CJ did not offer is refused before create', async () => {
    script = flow;
    const cj = await client();
    const error = await rejection(cj.openDispute({ orderId: 'O1', lines: [{ lineItemId: 'L1', quantity: 1 }], disputeReasonId: 7, expectType: 1, refundType: 1, messageText: 'x' }));
    expect(error.issues.map((i) => i.rule)).toEqual(['reason_not_offered']);
    expect(server.requests.map((r) => r.path.split('/').pop())).toEqual(['disputeProducts', 'disputeConfirmInfo']);
  });
});
