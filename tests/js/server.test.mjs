// cj-disputes/server: the dashboard's JSON routes, mounted in node:http, Express and Fastify,
// in front of the sandbox.
import http from 'node:http';

import express from 'express';
import Fastify from 'fastify';

import { createClient } from '../../npm/lib/index.js';
import { startSandbox } from '../../npm/lib/sandbox/index.js';
import { createDisputeHandler } from '../../npm/lib/server/index.js';

let sandbox;
let client;
const servers = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, qps: 0 });
  client = await createClient({ accessToken: sandbox.accessToken, baseUrl: sandbox.baseUrl, requestsPerSecond: 0, maxRetries: 0 });
});
afterAll(async () => {
  for (const close of servers) await close();
  await sandbox.close();
});

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${server.address().port}`;
}

const mounts = {
  'node:http': async () => {
    const routes = createDisputeHandler({ client, basePath: '/api/cj' });
    return `${await listen(http.createServer((req, res) => routes(req, res)))}/api/cj`;
  },
  Express: async () => {
    const app = express();
    app.use('/api/cj', createDisputeHandler({ client }));
    return `${await listen(http.createServer(app))}/api/cj`;
  },
  Fastify: async () => {
    const routes = createDisputeHandler({ client, basePath: '/api/cj' });
    const app = Fastify();
    app.route({ method: ['GET', 'POST'], url: '/api/cj/*', bodyLimit: 64 * 1024, handler: (request, reply) => {
      reply.hijack();
      request.raw.body = request.body;
      return routes(request.raw, reply.raw);
    } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    servers.push(() => app.close());
    return `http://127.0.0.1:${app.server.address().port}/api/cj`;
  },
};

async function call(base, method, path, body, headers = {}) {
  const response = await fetch(base + path, {
    method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  expect(text).not.toContain(sandbox.accessToken);  // the token never reaches the browser
  return { status: response.status, json: JSON.parse(text), headers: response.headers };
}

describe.each(Object.keys(mounts))('mounted in %s', (name) => {
  let base;
  beforeAll(async () => {
    base = await mounts[name]();
  });

  test('the six operations', async () => {
    const products = await call(base, 'GET', '/products?orderId=2001234567890');
    expect(products.status).toBe(200);
    expect(products.json.data.productInfoList[2]).toMatchObject({ lineItemId: '1003', price: '0.10', quantity: 10 });
    const line = { lineItemId: '1003', quantity: 1, price: '0.10' };
    const confirm = await call(base, 'POST', '/confirm', { orderId: '2001234567890', productInfoList: [line] });
    expect(confirm.json.data.productInfoList[0].maxProductPrice).toBe('0.10');
    const created = await call(base, 'POST', '/disputes', { businessDisputeId: `${name}-1`, orderId: '2001234567890', disputeReasonId: 3, expectType: 1, refundType: 1, messageText: 'Bent', productInfoList: [line] });
    expect(created.json.data).toMatchObject({ businessDisputeId: `${name}-1`, result: true });
    const page = await call(base, 'GET', '/disputes?orderId=2001234567890&status=processing&pageSize=5');
    const dispute = page.json.data.list[0];
    expect(dispute.status).toBe('Processing');
    expect((await call(base, 'GET', `/disputes/${dispute.id}`)).json.data.id).toBe(dispute.id);
    expect((await call(base, 'POST', `/disputes/${dispute.id}/cancel`, { orderId: '2001234567890' })).json.data).toBe(true);
  });

  test('bad input is a 400 with every issue, and nothing reaches CJ', async () => {
    const answer = await call(base, 'POST', '/disputes', { orderId: '2001234567890', expectType: 9, messageText: 'x'.repeat(501), productInfoList: [] });
    expect(answer.status).toBe(400);
    expect(answer.json.error.type).toBe('validation');
    expect(answer.json.error.issues.map((i) => i.field)).toEqual(['disputeReasonId', 'expectType', 'refundType', 'messageText', 'productInfoList']);
  });

  test('CJ errors keep their code and request id', async () => {
    const missing = await call(base, 'GET', '/products?orderId=404404');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ type: 'cj', kind: 'not_found', code: 1603100, requestId: expect.any(String) });
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ faults: [{ fail: 1600200, status: 429 }] }) });
    const limited = await call(base, 'GET', '/disputes');
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ kind: 'rate_limit', code: 1600200, retryAfter: 1 });
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  test('bodies: too large, not JSON, not an object', async () => {
    const huge = await call(base, 'POST', '/confirm', JSON.stringify({ orderId: 'x'.repeat(70 * 1024) }));
    expect(huge.status).toBe(413);
    const broken = await call(base, 'POST', '/confirm', '{"orderId":');
    expect(broken.status).toBe(400);
    const list = await call(base, 'POST', '/confirm', '[1,2]');
    expect(list.status).toBe(400);
  });
});

test('node:http: wrong routes, methods and content types', async () => {
  const base = await mounts['node:http']();
  expect((await call(base, 'GET', '/nope')).status).toBe(404);
  expect((await call(base, 'DELETE', '/disputes')).status).toBe(405);
  const text = await call(base, 'POST', '/confirm', 'orderId=1', { 'content-type': 'application/x-www-form-urlencoded' });
  expect(text.status).toBe(415);  // a plain HTML form cannot post here
});

test('Express: a body already parsed by express.json() is used as it is', async () => {
  const app = express();
  app.use('/api/cj', express.json(), createDisputeHandler({ client }));
  const base = await listen(http.createServer(app));
  const answer = await call(`${base}/api/cj`, 'POST', '/confirm', { orderId: '2001234567890', productInfoList: [{ lineItemId: '1002', quantity: 1, price: '19.99' }] });
  expect(answer.json.data.productInfoList[0].maxProductPrice).toBe('19.99');
});

test('Express: unknown paths fall through to the next middleware', async () => {
  const app = express();
  app.use('/api/cj', createDisputeHandler({ client }));
  app.use((_req, res) => res.status(418).json({ teapot: true }));
  const base = await listen(http.createServer(app));
  const answer = await fetch(`${base}/api/cj/elsewhere`);
  expect(answer.status).toBe(418);
});
