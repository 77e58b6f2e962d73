// A real HTTP server on 127.0.0.1 whose answers a test scripts, one function call per request.
// The handler gets { method, url, path, query, headers, body, index } and returns
// { status, headers, body } or an action: { destroy: true } (reset the connection),
// { delayMs, ...answer } (answer late), { partial: text } (send part of a body, then reset).
import http from 'node:http';

export async function startScriptServer(handler) {
  const requests = [];
  const sockets = new Set();
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const url = new URL(req.url, 'http://127.0.0.1');
    const seen = {
      method: req.method,
      url: req.url,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawQuery: url.search,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      index: requests.length,
      at: performance.now(),
    };
    requests.push(seen);
    let answer;
    try {
      answer = (await handler(seen)) ?? { status: 404, body: 'no script' };
    } catch (error) {
      answer = { status: 500, body: String(error) };
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.destroy) {
      req.socket.destroy();
      return;
    }
    if (answer.partial !== undefined) {
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(answer.partial) + 100) });
      res.write(answer.partial);
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? null);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}/api2.0/v1`,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** CJ's envelope around `data`. */
export function ok(data, requestId = 'req-ok') {
  return { status: 200, body: { code: 200, result: true, message: 'Success', data, requestId, success: true } };
}

/** CJ's error envelope. */
export function fail(code, message, { status = 200, requestId = `req-${code}`, headers } = {}) {
  return { status, headers, body: { code, result: false, message, data: null, requestId } };
}
