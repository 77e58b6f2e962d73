// JSON routes for the dashboard elements, as one Node (req, res, next) handler: mount it in
// Express, Fastify or plain node:http. The CJ access token stays in `client`, on the server;
// the browser only ever talks to these routes.
import FindMyWay from 'find-my-way';

import errors from '../errors.cjs';

const { CjApiError, CjNetworkError, CjRateLimitError, CjValidationError } = errors;

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

class HttpProblem extends Error {
  constructor(status, type, message) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

// HTTP status for a CJ error seen by the browser: the backend's own credentials or CJ's
// failures are a bad gateway, not the browser's fault.
const STATUS_BY_KIND = { auth: 502, rate_limit: 429, quota: 429, invalid_request: 422, not_found: 404, server: 502, network: 502, unknown: 502 };

function errorBody(error) {
  if (error instanceof HttpProblem) return [error.status, { type: error.type, message: error.message }];
  if (error instanceof CjValidationError) {
    return [400, { type: 'validation', message: error.message, issues: error.issues, businessDisputeId: error.businessDisputeId }];
  }
  if (error instanceof CjApiError) {
    return [STATUS_BY_KIND[error.kind] ?? 502, {
      type: 'cj', kind: error.kind, code: error.code, message: error.message, requestId: error.requestId,
      retryAfter: error instanceof CjRateLimitError ? error.retryAfter : undefined, businessDisputeId: error.businessDisputeId,
    }];
  }
  if (error instanceof CjNetworkError) {
    return [error.timeoutMs ? 504 : 502, {
      type: 'network', message: error.message, outcomeUnknown: error.outcomeUnknown, businessDisputeId: error.businessDisputeId,
    }];
  }
  return [500, { type: 'internal', message: 'The dispute service failed unexpectedly.' }];
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

async function readJsonBody(req, maxBytes) {
  if (req.body !== undefined && req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
    return req.body;  // already parsed by Express's json() or Fastify
  }
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new HttpProblem(415, 'content_type', 'Send JSON with Content-Type: application/json.');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new HttpProblem(413, 'too_large', `The body is larger than ${maxBytes} bytes.`);
  let text = typeof req.body === 'string' ? req.body : '';
  if (typeof req.body !== 'string') {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > maxBytes) throw new HttpProblem(413, 'too_large', `The body is larger than ${maxBytes} bytes.`);
      chunks.push(chunk);
    }
    text = Buffer.concat(chunks).toString('utf8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

function objectBody(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpProblem(400, 'invalid_json', 'The body must be a JSON object.');
  return body;
}

/**
 * Creates the handler. `client`: a CJ disputes client (createClient). `basePath`: the prefix
 * the routes live under when the handler sees full URLs (plain node:http), '' when the
 * framework strips the mount path (Express app.use). `maxBodyBytes`: body size cap (64 KiB).
 *
 *   GET  {base}/products?orderId=...            disputeProducts
 *   POST {base}/confirm                          disputeConfirmInfo   {orderId, productInfoList}
 *   POST {base}/disputes                         createDispute        {businessDisputeId?, orderId, ...}
 *   GET  {base}/disputes?orderId&status&pageNumber&pageSize...         getDisputeList
 *   GET  {base}/disputes/:disputeId              getDisputeDetail
 *   POST {base}/disputes/:disputeId/cancel       cancelDispute        {orderId}
 */
export function createDisputeHandler({ client, basePath = '', maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = {}) {
  if (!client || typeof client.getDisputeList !== 'function') throw new TypeError('createDisputeHandler needs { client } from createClient()');
  const base = basePath.replace(/\/+$/, '');
  const router = FindMyWay({ ignoreTrailingSlash: true, maxParamLength: 200 });
  // Each route's function rides in find-my-way's store; the handler slot is unused.
  const route = (method, path, run) => router.on(method, base + path, () => {}, run);

  const pick = (query, keys) => Object.fromEntries(keys.filter((key) => query[key] !== undefined && query[key] !== '').map((key) => [key, query[key]]));
  route('GET', '/products', ({ query }) => client.disputeProducts(query.orderId));
  route('POST', '/confirm', async ({ req }) => {
    const { orderId, productInfoList } = objectBody(await readJsonBody(req, maxBodyBytes));
    return client.disputeConfirmInfo({ orderId, productInfoList });
  });
  route('POST', '/disputes', async ({ req }) => client.createDispute(objectBody(await readJsonBody(req, maxBodyBytes))));
  route('GET', '/disputes', ({ query }) => client.getDisputeList(pick(query, ['orderId', 'disputeId', 'orderNumber', 'status', 'pageNumber', 'pageSize'])));
  route('GET', '/disputes/:disputeId', ({ params }) => client.getDisputeDetail(params.disputeId));
  route('POST', '/disputes/:disputeId/cancel', async ({ req, params }) => {
    const { orderId } = objectBody(await readJsonBody(req, maxBodyBytes));
    return client.cancelDispute({ orderId, disputeId: params.disputeId });
  });

  return async function disputeRoutes(req, res, next) {
    const found = router.find(req.method, (req.url ?? '').split('?')[0]);
    if (!found) {
      if (typeof next === 'function') return next();
      const known = ['GET', 'POST'].some((method) => router.find(method, (req.url ?? '').split('?')[0]));
      return sendJson(res, known ? 405 : 404, { error: { type: known ? 'method' : 'not_found', message: known ? 'Method not allowed.' : 'No such route.' } });
    }
    const query = Object.fromEntries(new URL(req.url, 'http://localhost').searchParams);
    try {
      const data = await found.store({ req, params: found.params, query });
      sendJson(res, 200, { data });
    } catch (error) {
      const [status, body] = errorBody(error);
      if (body.retryAfter !== undefined) res.setHeader('retry-after', String(Math.ceil(body.retryAfter)));
      sendJson(res, status, { error: body });
    }
  };
}
