// The demo dashboard server: serves web/ and the package's browser files under a strict
// Content-Security-Policy, mounts the dispute routes (cj-disputes/server) at /api/cj, and
// talks to the built-in CJ sandbox, or to real CJ when CJ_ACCESS_TOKEN or CJ_API_KEY is set.
//
//   node web/server.js            (make demo)   DEMO_PORT=8080 SANDBOX_PORT=8787 by default
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { createClient, DEFAULT_BASE_URL } from '../npm/lib/index.js';
import { startSandbox } from '../npm/lib/sandbox/index.js';
import { createDisputeHandler } from '../npm/lib/server/index.js';

// The demo's own dependencies live with the package's dev dependencies in npm/node_modules.
const require = createRequire(new URL('../npm/package.json', import.meta.url));
const Fastify = require('fastify');
const fastifyStatic = require('@fastify/static');

const ROUTES_PREFIX = '/api/cj';
const ROUTES_BODY_LIMIT = 64 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets the page compile WebAssembly; JavaScript eval stays forbidden.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

// The client for real CJ: a token as given, or one fetched with the API key (and fetched
// again when CJ says it expired).
async function realCjClient(env) {
  const baseUrl = env.CJ_BASE_URL || DEFAULT_BASE_URL;
  if (env.CJ_ACCESS_TOKEN) return createClient({ accessToken: env.CJ_ACCESS_TOKEN, baseUrl });
  const getAccessToken = async () => {
    const response = await fetch(`${baseUrl}/authentication/getAccessToken`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: env.CJ_API_KEY }),
    });
    const answer = await response.json().catch(() => ({}));
    if (answer.code !== 200 || !answer.data?.accessToken) throw new Error(`CJ refused the API key (code ${answer.code ?? response.status}): ${answer.message ?? ''}`);
    return answer.data.accessToken;
  };
  return createClient({ getAccessToken, baseUrl });
}

/**
 * Starts the demo. Options: port, host, env (for CJ credentials), sandbox (options for the
 * built-in sandbox), clientOptions (extra createClient options, sandbox mode).
 */
export async function startDemo({ port = 8080, host = '127.0.0.1', env = process.env, sandbox: sandboxOptions = {}, clientOptions = {} } = {}) {
  const real = Boolean(env.CJ_ACCESS_TOKEN || env.CJ_API_KEY);
  let sandbox;
  let client;
  if (real) {
    client = await realCjClient(env);
  } else {
    sandbox = await startSandbox({ port: Number(env.SANDBOX_PORT ?? 8787), ...sandboxOptions });
    client = await createClient({ accessToken: sandbox.accessToken, baseUrl: sandbox.baseUrl, ...clientOptions });
  }
  const routes = createDisputeHandler({ client, basePath: ROUTES_PREFIX, maxBodyBytes: ROUTES_BODY_LIMIT });

  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  const webDir = fileURLToPath(new URL('.', import.meta.url));
  const packageDir = fileURLToPath(new URL('../npm/', import.meta.url));
  await app.register(fastifyStatic, { root: webDir, prefix: '/', allowedPath: (path) => /^\/(index\.html|app\.js|app\.css)?$/.test(path) });
  // Only the package's browser files: lib/ and wasm/ (served as application/wasm).
  await app.register(fastifyStatic, { root: [packageDir], prefix: '/pkg/', decorateReply: false, allowedPath: (path) => /^\/(lib|wasm)\//.test(path) });
  app.route({
    method: ['GET', 'POST'], url: `${ROUTES_PREFIX}/*`, bodyLimit: ROUTES_BODY_LIMIT,
    handler: (request, reply) => {
      reply.hijack();
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.raw.setHeader(name, value);
      request.raw.body = request.body;
      return routes(request.raw, reply.raw);
    },
  });
  app.get('/demo-info', async () => ({ mode: real ? 'cj' : 'sandbox', sandboxBaseUrl: sandbox?.baseUrl ?? null }));
  app.setErrorHandler((error, _request, reply) => {
    const status = error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    reply.code(status).send({ error: { type: status === 413 ? 'too_large' : 'request', message: status === 500 ? 'The demo server failed.' : error.message } });
  });

  await app.listen({ port, host });
  const { port: boundPort } = app.server.address();
  return {
    url: `http://${host}:${boundPort}/`,
    mode: real ? 'cj' : 'sandbox',
    sandbox,
    async close() {
      await app.close();
      await sandbox?.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = await startDemo({ port: Number(process.env.DEMO_PORT ?? 8080) });
  process.stdout.write(`\nCJ disputes dashboard: ${demo.url}\n` + (demo.mode === 'sandbox'
    ? `Talking to the built-in CJ sandbox at ${demo.sandbox.baseUrl} (try order 2001234567890).\n`
    : 'Talking to real CJ with your credentials (CJ_ACCESS_TOKEN / CJ_API_KEY).\n') + 'Press Ctrl-C to stop.\n');
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
