// The CJ sandbox: every endpoint and state transition, limits, persistence, faults, and the
// npm client driving the whole flow against it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createClient, CjApiError, CjValidationError } from '../../npm/lib/index.js';
import { startSandbox, SANDBOX_API_KEY } from '../../npm/lib/sandbox/index.js';
import { cjHttp } from './helpers/cj-http.mjs';

const CREATE = {
  orderId: '2001234567890', disputeReasonId: 3, expectType: 1, refundType: 1, messageText: 'The mugs arrived broken',
  productInfoList: [{ lineItemId: '1001', quantity: 1, price: '12.50' }],
};

let sandbox;
let cj;
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, qps: 0 });
  cj = cjHttp(sandbox.baseUrl);
});
afterEach(() => sandbox.close());

const create = (overrides = {}, headers) => cj.post('/disputes/create', { businessDisputeId: `biz-${Math.random()}`, ...CREATE, ...overrides }, headers);
const products = async (orderId = '2001234567890') => (await cj.get('/disputes/disputeProducts', { orderId })).json.data.productInfoList;
const list = async (query = {}) => (await cj.get('/disputes/getDisputeList', query)).json.data;

describe('authentication', () => {
  test('no token, a wrong token, and CJ\'s token endpoints', async () => {
    const anonymous = cjHttp(sandbox.baseUrl, null);
    expect((await anonymous.get('/disputes/disputeProducts', { orderId: '2001234567890' })).json).toMatchObject({ code: 1600002, result: false, data: null });
    expect((await cjHttp(sandbox.baseUrl, 'nope').get('/disputes/getDisputeList')).json.code).toBe(1600001);
    expect((await anonymous.post('/authentication/getAccessToken', { apiKey: 'wrong' })).json.code).toBe(1600005);

    const issued = (await anonymous.post('/authentication/getAccessToken', { apiKey: SANDBOX_API_KEY })).json.data;
    expect(issued).toEqual({ openId: expect.any(String), accessToken: expect.any(String), accessTokenExpiryDate: expect.stringMatching(/\+08:00$/),
      refreshToken: expect.any(String), refreshTokenExpiryDate: expect.any(String), createDate: expect.any(String) });
    const withIssued = cjHttp(sandbox.baseUrl, issued.accessToken);
    expect((await withIssued.get('/disputes/getDisputeList')).json.code).toBe(200);

    const refreshed = (await anonymous.post('/authentication/refreshAccessToken', { refreshToken: issued.refreshToken })).json.data;
    expect(refreshed.accessToken).not.toBe(issued.accessToken);
    expect((await withIssued.get('/disputes/getDisputeList')).json.code).toBe(1600001);  // the old one is gone
    expect((await anonymous.post('/authentication/refreshAccessToken', { refreshToken: issued.refreshToken })).json.code).toBe(1600003);

    const withRefreshed = cjHttp(sandbox.baseUrl, refreshed.accessToken);
    expect((await withRefreshed.post('/authentication/logout', {})).json.data).toBe(true);
    expect((await withRefreshed.get('/disputes/getDisputeList')).json.code).toBe(1600001);
  });
});

describe('requests CJ would refuse', () => {
  test('param errors, unknown orders, bodies and methods', async () => {
    expect((await cj.get('/disputes/disputeProducts')).json).toMatchObject({ code: 1600100, message: expect.stringMatching(/^Param error/) });
    expect((await cj.get('/disputes/disputeProducts', { orderId: 'missing' })).json.code).toBe(1603100);
    expect((await cj.post('/disputes/create', '{"orderId":')).json.code).toBe(16900205);
    expect((await cj.call('POST', '/disputes/create', { body: '', headers: { 'content-type': 'application/json' } })).json.code).toBe(16900204);
    expect((await cj.call('POST', '/disputes/create', { body: 'a=1', headers: { 'content-type': 'text/plain' } })).json.code).toBe(16900203);
    const wrongMethod = await cj.get('/disputes/create');
    expect(wrongMethod.json.code).toBe(16900202);
    expect((await cj.get('/disputes/nothing')).json.code).toBe(1600101);
    expect((await create({ expectType: 7 })).json.code).toBe(1600100);
  });
});

describe('the dispute flow and its state', () => {
  test('products: lines with unit prices and disputable quantities; the quirks of CJ', async () => {
    const ordinary = await cj.get('/disputes/disputeProducts', { orderId: '2001234567890' });
    expect(ordinary.text).toContain('"price":12.50');  // a JSON number with two decimals
    expect(ordinary.json.data.productInfoList[0]).toMatchObject({ lineItemId: '1001', canChoose: true, quantity: 2, cjProductName: 'Ceramic mug, blue' });
    const eu = await products('2001234567891');
    expect(eu[0]).toMatchObject({ price: '45.00', quantity: '1', canChoose: 'true' });  // numbers as strings
    const open = await products('2001234567892');
    expect(open.map((l) => [l.lineItemId, l.canChoose, l.quantity])).toEqual([['3001', false, 1], ['3002', true, 2]]);
    const done = await products('2001234567893');
    expect(done.map((l) => [l.canChoose, l.quantity])).toEqual([[false, 0]]);
  });

  test('confirm: caps per supplier group, IOSS shares that add up exactly', async () => {
    const answer = await cj.post('/disputes/disputeConfirmInfo', { orderId: '2001234567891', productInfoList: [{ lineItemId: '2001', quantity: 1, price: 45 }] });
    const data = answer.json.data;
    expect(data.expectResultOptionList).toEqual(['1', '2']);
    expect(data.disputeReasonList[0]).toEqual({ disputeReasonId: 1, reasonName: 'Unfulfilled Order Cancellation' });
    // 45.00 of 54.99: postage 6.20 -> 5.07, IOSS tax 8.40 -> 6.87, fee 0.50 -> 0.41 (largest remainder).
    expect(data.productInfoList[0]).toMatchObject({ supplierName: 'Supplier C', maxProductPrice: '45.00', maxPostage: '5.07', maxIossTaxAmount: '6.87', maxIossHandTaxAmount: '0.41', maxAmount: '57.35' });
    const both = await cj.post('/disputes/disputeConfirmInfo', { orderId: '2001234567890', productInfoList: [{ lineItemId: '1001', quantity: 2, price: '12.50' }, { lineItemId: '1003', quantity: 10, price: '0.10' }] });
    expect(both.json.data.productInfoList.map((g) => [g.supplierName, g.productInfoList.length])).toEqual([['Supplier A', 1], ['Supplier B', 1]]);
    const refused = await cj.post('/disputes/disputeConfirmInfo', { orderId: '2001234567890', productInfoList: [{ lineItemId: '1001', quantity: 3, price: '12.50' }] });
    expect(refused.json).toMatchObject({ code: 1607007, message: expect.stringContaining('more than the 2 left') });
    const wrongPrice = await cj.post('/disputes/disputeConfirmInfo', { orderId: '2001234567890', productInfoList: [{ lineItemId: '1001', quantity: 1, price: '12.49' }] });
    expect(wrongPrice.json.code).toBe(1607007);
  });

  test('create records a Processing SH dispute and lowers what is left; cancel restores it', async () => {
    const answer = await create({ businessDisputeId: 'biz-1' });
    expect(answer.json).toMatchObject({ code: 200, data: true, success: true });
    const [line] = await products();
    expect(line).toMatchObject({ quantity: 1, canChoose: false });  // an unfinished dispute exists
    const { list: [dispute] } = await list({ orderId: '2001234567890' });
    expect(dispute).toMatchObject({ status: 'Processing', id: expect.stringMatching(/^SH\d{19}$/), money: null, finallyDeal: null });
    expect(dispute.createDate).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    expect((await create({ businessDisputeId: 'biz-1' })).json).toMatchObject({ code: 1607008, message: expect.stringContaining('already used') });
    expect((await create({ productInfoList: [{ lineItemId: '1002', quantity: 4, price: '19.99' }] })).json.code).toBe(1607008);
    expect((await create({ productInfoList: [{ lineItemId: '1001', quantity: 1, price: '12.50' }] })).json.code).toBe(1607008);  // not choosable now

    expect((await cj.post('/disputes/cancel', { orderId: '2001234567891', disputeId: dispute.id })).json.code).toBe(1607009);  // other order
    expect((await cj.post('/disputes/cancel', { orderId: '2001234567890', disputeId: dispute.id })).json.data).toBe(true);
    expect((await cj.post('/disputes/cancel', { orderId: '2001234567890', disputeId: dispute.id })).json.code).toBe(1607009);  // not Processing
    expect((await products())[0]).toMatchObject({ quantity: 2, canChoose: true });
    expect((await cj.get('/disputes/getDisputeDetail', { disputeId: dispute.id })).json.data.status).toBe('Cancelled');
  });

  test('settling: refund details sum to the refund, reissues get a resend order, rejections return the quantity', async () => {
    await create({ businessDisputeId: 'refund', orderId: '2001234567891', productInfoList: [{ lineItemId: '2001', quantity: 1, price: '45.00' }] });
    await create({ businessDisputeId: 'reissue', expectType: 2, productInfoList: [{ lineItemId: '1002', quantity: 2, price: '19.99' }] });
    await create({ businessDisputeId: 'reject', productInfoList: [{ lineItemId: '1003', quantity: 5, price: '0.10' }] });
    const ids = Object.fromEntries((await list({ status: 'processing', pageSize: 50 })).list.map((d) => [d.productList[0].lineItemId, d.id]));

    const refund = await (await fetch(`${sandbox.url}/__sandbox/disputes/${ids['2001']}/resolve`, { method: 'POST', body: '{"finallyDeal":1}' })).json();
    expect(refund.data).toMatchObject({ status: 'finished', finallyDeal: 1, money: 57.35, refundAmount: 57.35 });
    expect(refund.data.refundDetails.map((d) => [d.type, d.amount])).toEqual([['PRODUCT_COST', 45], ['SHIPPING_COST', 5.07], ['IOSS_TAX', 6.87], ['IOSS_HANDLING_FEE', 0.41]]);
    const detail = await cj.get('/disputes/getDisputeDetail', { disputeId: ids['2001'] });
    expect(detail.text).toContain('"money":57.35');
    expect(detail.json.data.productList[0]).toMatchObject({ productCode: 'CJ2001', productId: '1623673863466002001', standId: 'V2001' });
    expect(typeof detail.json.data.createDate).toBe('number');

    sandbox.resolveDispute(ids['1002'], { finallyDeal: 2 });
    const reissued = (await cj.get('/disputes/getDisputeDetail', { disputeId: ids['1002'] })).json.data;
    expect(reissued).toMatchObject({ finallyDeal: 2, money: 0, replacementAmount: 39.98, resendOrderCode: expect.stringMatching(/^RS\d+$/) });

    sandbox.resolveDispute(ids['1003'], { finallyDeal: 3 });
    expect((await products())[2]).toMatchObject({ lineItemId: '1003', quantity: 10, canChoose: true });

    const partial = await create({ businessDisputeId: 'partial', productInfoList: [{ lineItemId: '1001', quantity: 2, price: '12.50' }] });
    expect(partial.json.data).toBe(true);
    const partialId = (await list({ status: 'Processing' })).list[0].id;
    sandbox.resolveDispute(partialId, { finallyDeal: 1, money: '10.00' });
    const settled = (await cj.get('/disputes/getDisputeDetail', { disputeId: partialId })).json.data;
    expect(settled.money).toBe(10);
    expect(settled.refundDetails.reduce((sum, d) => sum + Math.round(d.amount * 100), 0)).toBe(1000);
    expect(() => sandbox.resolveDispute(partialId, { finallyDeal: 1 })).toThrow(/already finished/);
  });

  test('list: filters and paging', async () => {
    const first = await list({ pageSize: 10 });
    expect(first).toMatchObject({ pageNum: 1, pageSize: 10, total: 26 });
    expect(first.list).toHaveLength(10);
    const third = await list({ pageNum: 3, pageSize: 10 });  // CJ's tooling sends pageNum
    expect(third.list).toHaveLength(6);
    expect(new Set([...first.list, ...third.list].map((d) => d.id)).size).toBe(16);
    expect((await list({ orderNumber: 'SHOP-10006', pageSize: 50 })).total).toBe(24);
    expect((await list({ status: 'processing' })).total).toBe(1);
    expect((await list({ status: 'FINISHED' })).total).toBe(25);
    expect((await list({ disputeId: first.list[0].id })).list.map((d) => d.id)).toEqual([first.list[0].id]);
    expect((await cj.get('/disputes/getDisputeList', { pageSize: 51 })).json.code).toBe(1600100);
  });
});

describe('limits and faults', () => {
  test('the QPS limit answers 1600200 with HTTP 200, or 429 when asked', async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, qps: 1 });
    const limited = cjHttp(sandbox.baseUrl);
    const answers = await Promise.all([1, 2, 3].map(() => limited.get('/disputes/getDisputeList')));
    expect(answers.map((a) => a.json.code).sort((x, y) => x - y)).toEqual([200, 1600200, 1600200]);
    const refusal = answers.find((a) => a.json.code === 1600200);
    expect(refusal.status).toBe(200);
    expect(refusal.json.message).toBe('Too Many Requests, QPS limit is 1 time/1second');
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await limited.get('/disputes/getDisputeList')).json.code).toBe(200);

    await sandbox.close();
    sandbox = await startSandbox({ port: 0, qps: 1, rateLimitStatus: 429 });
    const strict = cjHttp(sandbox.baseUrl);
    const [a, b] = await Promise.all([strict.get('/disputes/getDisputeList'), strict.get('/disputes/getDisputeList')]);
    const refused = [a, b].find((x) => x.json.code === 1600200);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  test('per-request fault headers: fail, latency, drop, HTML page, truncated body', async () => {
    expect((await cj.get('/disputes/getDisputeList', {}, { 'x-sandbox-fail': '1' })).json.code).toBe(1600000);
    expect((await cj.get('/disputes/getDisputeList', {}, { 'x-sandbox-fail': '1600301' })).json.code).toBe(1600301);
    const started = performance.now();
    await cj.get('/disputes/getDisputeList', {}, { 'x-sandbox-latency': '300' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await expect(cj.get('/disputes/getDisputeList', {}, { 'x-sandbox-drop': 'before' })).rejects.toThrow();
    const html = await cj.get('/disputes/getDisputeList', {}, { 'x-sandbox-html': '502' });
    expect(html.status).toBe(502);
    expect(html.text).toMatch(/<html>/);
    await expect(cj.get('/disputes/getDisputeList', {}, { 'x-sandbox-truncate': '1' })).rejects.toThrow();
  });

  test('a drop after handling makes the change but loses the answer', async () => {
    await expect(create({ businessDisputeId: 'lost-answer' }, { 'x-sandbox-drop': 'after' })).rejects.toThrow();
    const state = await (await fetch(`${sandbox.url}/__sandbox/disputes`)).json();
    expect(state.data.filter((d) => d.businessDisputeId === 'lost-answer')).toHaveLength(1);
  });

  test('a scripted queue of faults, one per request', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ faults: [{ fail: 1600000 }, { fail: 1600200, status: 429 }, {}] }) });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await cj.get('/disputes/getDisputeList')).json.code);
    expect(codes).toEqual([1600000, 1600200, 200, 200]);
  });

  test('rates from the options', async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, qps: 0, failRate: 1 });
    expect((await cjHttp(sandbox.baseUrl).get('/disputes/getDisputeList')).json.code).toBe(1600000);
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, qps: 0, dropRate: 1 });
    await expect(cjHttp(sandbox.baseUrl).get('/disputes/getDisputeList')).rejects.toThrow();
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, qps: 0, latencyMs: 200 });
    const started = performance.now();
    await cjHttp(sandbox.baseUrl).get('/disputes/getDisputeList');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  test('--auto-resolve settles Processing disputes as asked', async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, qps: 0, autoResolveSeconds: 0.2 });
    cj = cjHttp(sandbox.baseUrl);
    await create({ businessDisputeId: 'auto', expectType: 2, productInfoList: [{ lineItemId: '1002', quantity: 1, price: '19.99' }] });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await list({ status: 'processing' })).total).toBe(0);  // the seeded open dispute too
    const auto = (await list({ orderId: '2001234567890' })).list[0];
    expect(auto).toMatchObject({ status: 'finished', finallyDeal: 2, replacementAmount: 19.99, money: 0 });
    // 7.80 of the order's 24.10, with its share of the 2.00 postage: 0.65 (largest remainder of 64.73 and 135.27).
    expect((await list({ orderId: '2001234567892' })).list[0]).toMatchObject({ status: 'finished', finallyDeal: 1, money: 8.45 });
  });
});

describe('persistence', () => {
  let dir;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cj-sandbox-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('--data keeps state across restarts', async () => {
    const dataFile = path.join(dir, 'state.db');
    let persistent = await startSandbox({ port: 0, qps: 0, dataFile });
    await cjHttp(persistent.baseUrl).post('/disputes/create', { businessDisputeId: 'kept', ...CREATE });
    await persistent.close();
    persistent = await startSandbox({ port: 0, qps: 0, dataFile });
    const again = cjHttp(persistent.baseUrl);
    const { total, list: disputes } = (await again.get('/disputes/getDisputeList', { orderId: '2001234567890' })).json.data;
    expect(total).toBe(1);
    expect(disputes[0].status).toBe('Processing');
    expect((await again.post('/disputes/create', { businessDisputeId: 'kept', ...CREATE })).json.code).toBe(1607008);
    await persistent.close();
  });

  test('a crash in the middle of a create leaves no half-written dispute', async () => {
    const dataFile = path.join(dir, 'crash.db');
    const cli = new URL('../../npm/bin/cj-disputes-sandbox.js', import.meta.url).pathname;
    const launch = async () => {
      const child = spawn(process.execPath, [cli, '--port', '0', '--qps', '0', '--data', dataFile, '--allow-crash-injection'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /base URL\s+(\S+)/.exec(out);
          if (match) resolve(match[1]);
        });
        child.on('exit', () => reject(new Error(`sandbox exited: ${out}`)));
      });
      return { child, http: cjHttp(url), exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code))) };
    };
    const first = await launch();
    await expect(first.http.post('/disputes/create', { businessDisputeId: 'crashy', ...CREATE }, { 'x-sandbox-crash': 'mid-create' })).rejects.toThrow();
    expect(await first.exited).toBe('SIGKILL');

    const second = await launch();
    const state = (await second.http.get('/disputes/getDisputeList', { orderId: '2001234567890' })).json.data;
    expect(state.total).toBe(0);
    const [line] = (await second.http.get('/disputes/disputeProducts', { orderId: '2001234567890' })).json.data.productInfoList;
    expect(line).toMatchObject({ quantity: 2, canChoose: true });
    expect((await second.http.post('/disputes/create', { businessDisputeId: 'crashy', ...CREATE })).json.code).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('the npm client against the sandbox', () => {
  test('open -> list -> detail -> cancel, through the rate limit', async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, qps: 4 });
    const client = await createClient({ getAccessToken: async () => {
      const answer = await cjHttp(sandbox.baseUrl, null).post('/authentication/getAccessToken', { apiKey: SANDBOX_API_KEY });
      return answer.json.data.accessToken;
    }, baseUrl: sandbox.baseUrl, requestsPerSecond: 4 });

    const opened = await client.openDispute({ orderId: '2001234567891', lines: [{ lineItemId: '2002', quantity: 2 }], disputeReasonId: 3, expectType: 1, refundType: 2, messageText: 'Two bulbs dead' });
    expect(opened.refundPlan).toMatchObject({ productTotal: '6.66', total: opened.refundPlan.maxAmount });
    const page = await client.getDisputeList({ orderId: '2001234567891' });
    expect(page.total).toBe(1);
    const detail = await client.getDisputeDetail(page.list[0].id);
    expect(detail).toMatchObject({ id: page.list[0].id, status: 'Processing', productList: [{ cjProductId: '1623673863466002002', price: '3.33' }] });

    await expect(client.openDispute({ orderId: '2001234567891', lines: [{ lineItemId: '2002', quantity: 1 }], disputeReasonId: 3, expectType: 1, refundType: 2, messageText: 'again' }))
      .rejects.toBeInstanceOf(CjValidationError);  // the line has an open dispute now
    expect(await client.cancelDispute({ orderId: '2001234567891', disputeId: detail.id })).toBe(true);
    await expect(client.cancelDispute({ orderId: '2001234567891', disputeId: detail.id })).rejects.toMatchObject({ code: 1607009, kind: 'invalid_request' });
    const everything = [];
    for await (const dispute of client.iterateDisputes({ pageSize: 10 })) everything.push(dispute.id);
    expect(everything).toHaveLength(27);
    expect(new Set(everything).size).toBe(27);
    await expect(client.getDisputeDetail('SH0')).rejects.toBeInstanceOf(CjApiError);
  }, 30000);
});
