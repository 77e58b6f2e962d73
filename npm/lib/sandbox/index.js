// The CJ sandbox: a local, stateful stand-in for CJ's disputes API (in the manner of
// stripe-mock). Same paths, envelope, codes and quirks as CJ; state in SQLite; CJ's rate limit;
// fault injection for testing clients.
import { readFile } from 'node:fs/promises';

import Fastify from 'fastify';

import { loadCore } from '../index.js';
import { Faults } from './faults.js';
import { raw, writeJson } from './json-writer.js';
import { fromCents } from './money.js';
import { TokenBuckets } from './rate-limit.js';
import { defaultSeed, SANDBOX_ACCESS_TOKEN, SANDBOX_API_KEY } from './seed.js';
import { BusinessError, SandboxStore } from './store.js';

const API = '/api2.0/v1';
const BODY_LIMIT = 1024 * 1024;
const ROUTES = {
  disputeProducts: ['GET', '/disputes/disputeProducts'],
  disputeConfirmInfo: ['POST', '/disputes/disputeConfirmInfo'],
  create: ['POST', '/disputes/create'],
  cancel: ['POST', '/disputes/cancel'],
  getDisputeList: ['GET', '/disputes/getDisputeList'],
  getDisputeDetail: ['GET', '/disputes/getDisputeDetail'],
};

const HTML_PAGE = (status) => `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;

/** Loads a seed file (the shape of defaultSeed()). */
export async function readSeedFile(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * Starts the sandbox. Options: port (0 = any free port), host (127.0.0.1), seed (object),
 * dataFile (SQLite file; in memory when absent), qps (1; 0 = no limit), rateLimitStatus (200 or
 * 429), latencyMs, failRate, dropRate, autoResolveSeconds, allowCrashInjection (tests only).
 */
export async function startSandbox(options = {}) {
  const {
    port = 8787, host = '127.0.0.1', seed = defaultSeed(), dataFile, qps = 1, rateLimitStatus = 200,
    latencyMs = 0, failRate = 0, dropRate = 0, autoResolveSeconds = 0, allowCrashInjection = false,
  } = options;
  const core = await loadCore();
  const store = new SandboxStore({ file: dataFile, seed, core });
  const buckets = new TokenBuckets(qps);
  const faults = new Faults({ latencyMs, failRate, dropRate });
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, forceCloseConnections: true });
  // Fault delays, cleared on close so a stopped sandbox leaves no timer behind.
  const delays = new Set();
  const delay = (ms) => new Promise((resolve) => {
    const timer = setTimeout(() => {
      delays.delete(timer);
      resolve();
    }, ms);
    delays.add(timer);
  });

  // Keep request bodies as text: CJ's own errors for a missing or broken body are part of the act.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const send = (reply, status, body, headers = {}) =>
    reply.code(status).headers({ 'content-type': 'application/json;charset=UTF-8', ...headers }).send(body);
  const success = (reply, data) =>
    send(reply, 200, writeJson({ code: 200, result: true, message: 'Success', data, requestId: crypto.randomUUID(), success: true }));
  const failure = (reply, code, message, status = 200, headers) =>
    send(reply, status, writeJson({ code, result: false, message, data: null, requestId: crypto.randomUUID(), success: false }), headers);

  function authenticate(request, reply) {
    const token = request.headers['cj-access-token'];
    if (!token) return failure(reply, 1600002, 'Access token empty'), undefined;
    const openId = store.tokenOwner(String(token));
    if (!openId) return failure(reply, 1600001, 'Invalid API key or access token'), undefined;
    return { token: String(token), openId };
  }

  function readBody(request, reply) {
    const type = String(request.headers['content-type'] ?? '');
    if (!type.includes('json')) return failure(reply, 16900203, `Content type '${type}' not supported`), undefined;
    if (typeof request.body !== 'string' || request.body.trim() === '') return failure(reply, 16900204, 'Required request body is missing'), undefined;
    try {
      return JSON.parse(request.body);
    } catch {
      return failure(reply, 16900205, 'JSON parse error: request body is not valid JSON'), undefined;
    }
  }

  // Applies a fault; true when it answered (or dropped) and handling must stop.
  async function applyFaultBefore(fault, request, reply) {
    if (fault.latencyMs) await delay(fault.latencyMs);
    if (fault.drop === 'before') {
      reply.hijack();
      request.raw.socket.destroy();
      return true;
    }
    if (fault.html) {
      send(reply, fault.html, HTML_PAGE(fault.html), { 'content-type': 'text/html' });
      return true;
    }
    if (fault.fail) {
      failure(reply, fault.fail, fault.fail === 1600000 ? 'System busy, please try again later' : `Injected failure ${fault.fail}`, fault.status ?? 200,
        fault.status === 429 ? { 'retry-after': '1' } : undefined);
      return true;
    }
    return false;
  }

  // Wraps the reply so a stall, drop-after or truncate fault hits the real answer.
  function applyFaultAfter(fault, request, reply) {
    if (fault.stallMs) {
      const send = reply.send.bind(reply);
      reply.send = (body) => {
        delay(fault.stallMs).then(() => {
          if (!request.raw.socket.destroyed) send(body);
        });
        return reply;
      };
      return;
    }
    if (!fault.drop && !fault.truncate) return;
    reply.hijack();
    const original = reply;
    original.send = (body) => {
      const socket = request.raw.socket;
      if (fault.truncate) {
        const text = String(body);
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text.slice(0, Math.floor(text.length / 2))}`);
        setTimeout(() => socket.destroy(), 10);
      } else {
        socket.destroy();
      }
      return original;
    };
  }

  function paramError(reply, operation, params) {
    const issues = core.validate(operation, params).issues.filter((issue) => issue.rule !== 'unknown_field');
    if (issues.length === 0) return false;
    failure(reply, 1600100, `Param error: ${issues[0].message}`);
    return true;
  }

  const handlers = {
    disputeProducts(params) {
      const order = store.order(params.orderId);
      return {
        orderId: order.order_id, orderNumber: order.order_number,
        productInfoList: store.orderLines(order.order_id).map((row) => productLine(order, row)),
      };
    },
    disputeConfirmInfo(params) {
      const order = store.order(params.orderId);
      const chosen = store.checkChoice(order, params.productInfoList.map(normaliseLine), 1607007, { requireChoosable: true });
      const amount = (cents) => quirkyAmount(order, cents);
      return {
        orderId: order.order_id, orderNumber: order.order_number,
        expectResultOptionList: JSON.parse(order.expect_options).map(String),
        productInfoList: store.caps(order, chosen).map((group) => ({
          supplierName: group.supplier,
          maxProductPrice: amount(group.maxProductPrice), maxPostage: amount(group.maxPostage),
          maxIossTaxAmount: amount(group.maxIossTaxAmount), maxIossHandTaxAmount: amount(group.maxIossHandTaxAmount),
          maxAmount: amount(group.maxAmount),
          productInfoList: group.items.map((item) => productLine(order, item.row)),
        })),
        disputeReasonList: store.reasons().map((reason) => ({ disputeReasonId: reason.id, reasonName: reason.name })),
      };
    },
    create(params, auth, request) {
      if (allowCrashInjection && request.headers['x-sandbox-crash'] === 'mid-create') {
        store.onCreateMidway = () => process.kill(process.pid, 'SIGKILL');
      }
      try {
        store.createDispute(auth.openId, {
          ...params, disputeReasonId: Number(params.disputeReasonId), expectType: Number(params.expectType),
          refundType: Number(params.refundType), productInfoList: params.productInfoList.map(normaliseLine),
        });
      } finally {
        store.onCreateMidway = null;
      }
      return true;
    },
    cancel(params) {
      store.cancelDispute(String(params.orderId), String(params.disputeId));
      return true;
    },
    getDisputeList(params) {
      const pageNumber = Number(params.pageNumber ?? 1);
      const pageSize = Number(params.pageSize ?? 10);
      const { total, rows } = store.disputes({ ...params, offset: (pageNumber - 1) * pageSize, limit: pageSize });
      return { pageNum: pageNumber, pageSize, total, list: rows.map((row) => disputeSummary(row)) };
    },
    getDisputeDetail(params) {
      const row = store.dispute(String(params.disputeId));
      if (!row) throw new BusinessError(1600100, `Param error: dispute ${params.disputeId} not found`);
      return disputeDetail(row);
    },
  };

  for (const [operation, [method, path]] of Object.entries(ROUTES)) {
    app.route({
      method, url: API + path,
      handler: async (request, reply) => {
        const fault = faults.next(request.headers);
        if (await applyFaultBefore(fault, request, reply)) return reply;
        const auth = authenticate(request, reply);
        if (!auth) return reply;
        if (!buckets.take(auth.token)) {
          return failure(reply, 1600200, `Too Many Requests, QPS limit is ${qps} time/1second`, rateLimitStatus,
            rateLimitStatus === 429 ? { 'retry-after': '1' } : undefined);
        }
        let params;
        if (method === 'GET') {
          params = { ...request.query };
          if (operation === 'getDisputeList' && params.pageNumber === undefined && params.pageNum !== undefined) params.pageNumber = params.pageNum;
          delete params.pageNum;
        } else {
          params = readBody(request, reply);
          if (params === undefined) return reply;
        }
        if (paramError(reply, operation, params)) return reply;
        applyFaultAfter(fault, request, reply);
        try {
          return success(reply, handlers[operation](params, auth, request));
        } catch (error) {
          if (error instanceof BusinessError) return failure(reply, error.code, error.message);
          throw error;
        }
      },
    });
  }

  // ---------------------------------------------------------------- authentication
  app.post(`${API}/authentication/getAccessToken`, async (request, reply) => {
    const body = readBody(request, reply);
    if (body === undefined) return reply;
    const account = typeof body?.apiKey === 'string' ? store.accountForApiKey(body.apiKey) : undefined;
    if (!account) return failure(reply, 1600005, 'API key wrong');
    return success(reply, tokenData(store.issueToken(account.openId)));
  });
  app.post(`${API}/authentication/refreshAccessToken`, async (request, reply) => {
    const body = readBody(request, reply);
    if (body === undefined) return reply;
    const token = typeof body?.refreshToken === 'string' ? store.refreshToken(body.refreshToken) : undefined;
    if (!token) return failure(reply, 1600003, 'Invalid refresh token');
    return success(reply, tokenData(token));
  });
  app.post(`${API}/authentication/logout`, async (request, reply) => {
    const auth = authenticate(request, reply);
    if (!auth) return reply;
    store.logout(auth.token);
    return success(reply, true);
  });

  // ---------------------------------------------------------------- admin (tests, demo)
  app.post('/__sandbox/disputes/:id/resolve', async (request, reply) => {
    const body = request.body ? safeJson(request.body) : {};
    try {
      store.resolveDispute(request.params.id, body ?? {});
      return success(reply, disputeDetail(store.dispute(request.params.id)));
    } catch (error) {
      if (error instanceof BusinessError) return failure(reply, error.code, error.message, 400);
      throw error;
    }
  });
  app.post('/__sandbox/faults', async (request, reply) => {
    const body = safeJson(request.body);
    if (!Array.isArray(body?.faults)) return failure(reply, 1600100, 'Param error: send {"faults": [...]}', 400);
    faults.enqueue(body.faults);
    return success(reply, { pending: faults.pending });
  });
  app.delete('/__sandbox/faults', async (_request, reply) => {
    faults.clear();
    return success(reply, { pending: 0 });
  });
  app.get('/__sandbox/disputes', async (_request, reply) => {
    const { rows } = store.disputes({ offset: 0, limit: 1e9 });
    return success(reply, rows.map((row) => ({
      id: row.id, businessDisputeId: row.business_dispute_id, orderId: row.order_id, status: row.status, finallyDeal: row.finally_deal,
      lines: row.lines.map((l) => ({ lineItemId: l.line_item_id, quantity: l.disputed })),
    })));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const known = Object.values(ROUTES).some(([, p]) => API + p === path);
    if (known) return failure(reply, 16900202, `Request method '${request.method}' not supported`, 405);
    return failure(reply, 1600101, 'Interface not found', 404);
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error.statusCode === 413) return failure(reply, 1600300, 'Param error: request body too large', 413);
    return failure(reply, 1600000, 'System busy, please try again later', 500);
  });

  let autoResolveTimer;
  if (autoResolveSeconds > 0) {
    autoResolveTimer = setInterval(() => {
      for (const dispute of store.processingBefore(Date.now() - autoResolveSeconds * 1000)) {
        store.resolveDispute(dispute.id, { finallyDeal: dispute.expectType });
      }
    }, Math.min(1000, autoResolveSeconds * 1000));
    autoResolveTimer.unref();
  }

  await app.listen({ port, host });
  const address = app.server.address();
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: origin,
    baseUrl: origin + API,
    port: address.port,
    apiKey: seed.accounts?.[0]?.apiKey,
    accessToken: seed.accounts?.[0]?.accessToken,
    faults,
    /** Settles a Processing dispute, as CJ's staff would. */
    resolveDispute: (disputeId, settlement) => store.resolveDispute(disputeId, settlement),
    async close() {
      clearInterval(autoResolveTimer);
      for (const timer of delays) clearTimeout(timer);
      delays.clear();
      await app.close();
      store.close();
    },
  };
}

function safeJson(text) {
  try {
    return typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return undefined;
  }
}

function normaliseLine(line) {
  return { lineItemId: String(line.lineItemId), quantity: Number(line.quantity), price: String(line.price) };
}

// Amounts as CJ sends them: a JSON number with two decimals, or a string for some orders.
function quirkyAmount(order, cents) {
  return order.numbers_as_strings ? fromCents(cents) : raw(fromCents(cents));
}

function productLine(order, row) {
  const asString = Boolean(order.numbers_as_strings);
  return {
    lineItemId: row.line_item_id, cjProductId: row.cj_product_id, cjVariantId: row.cj_variant_id,
    canChoose: asString ? String(Boolean(row.can_choose)) : Boolean(row.can_choose),
    price: quirkyAmount(order, row.price_cents),
    quantity: asString ? String(row.left_quantity) : row.left_quantity,
    cjProductName: row.name, cjImage: row.image, sku: row.sku, supplierName: row.supplier,
  };
}

function settledAmount(row, cents) {
  return row.status === 'finished' ? raw(fromCents(cents ?? 0)) : null;
}

// createDate as CJ's list shows it: "yyyy-MM-dd HH:mm:ss" in China time (UTC+8).
function chinaTime(ms) {
  return new Date(ms + 8 * 3600e3).toISOString().replace('T', ' ').slice(0, 19);
}

function disputeSummary(row) {
  return {
    status: row.status, id: row.id, orderId: row.order_id, orderNumber: row.order_number, disputeReason: row.reason,
    expectType: row.expect_type,
    replacementAmount: settledAmount(row, row.replacement_cents), resendOrderCode: row.resend_order_code ?? '',
    money: settledAmount(row, row.money_cents), finallyDeal: row.finally_deal, createDate: chinaTime(row.created),
    productList: row.lines.map((l) => ({
      image: l.image, price: raw(fromCents(l.disputed_price)), lineItemId: l.line_item_id, cjProductId: l.cj_product_id,
      cjVariantId: l.cj_variant_id, productName: l.name, supplierName: l.supplier, quantity: l.disputed,
    })),
  };
}

function disputeDetail(row) {
  return {
    id: row.id, orderId: row.order_id, status: row.status, disputeReason: row.reason, expectType: row.expect_type,
    replacementAmount: settledAmount(row, row.replacement_cents), resendOrderCode: row.resend_order_code ?? '',
    money: settledAmount(row, row.money_cents), refundAmount: settledAmount(row, row.money_cents),
    finallyDeal: row.finally_deal, createDate: row.created, messageText: row.message_text,
    refundDetails: JSON.parse(row.refund_details ?? '[]').map((d) => ({ type: d.type, typeName: d.typeName, amount: raw(fromCents(d.cents)) })),
    productList: row.lines.map((l) => ({
      image: l.image, price: raw(fromCents(l.disputed_price)), productCode: l.product_code, productId: l.cj_product_id,
      productName: l.name, standId: l.cj_variant_id, supplierName: l.supplier, quantity: l.disputed,
    })),
  };
}

function tokenData(token) {
  const iso = (ms) => new Date(ms + 8 * 3600e3).toISOString().replace('Z', '+08:00');
  return {
    openId: token.openId, accessToken: token.accessToken, accessTokenExpiryDate: iso(token.accessExpires),
    refreshToken: token.refreshToken, refreshTokenExpiryDate: iso(token.refreshExpires), createDate: iso(token.created),
  };
}

export { defaultSeed, SANDBOX_ACCESS_TOKEN, SANDBOX_API_KEY };
