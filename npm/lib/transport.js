// One HTTP attempt: fetch with a per-attempt timeout (covering headers and body), redirects
// not followed (the token header must never be forwarded elsewhere), and the body read up to a
// size cap. Returns { status, headers, bodyText } or throws a transport failure.

export const MAX_BODY_BYTES = 8 * 1024 * 1024;  // the core's parse limit

export class TransportFailure extends Error {
  constructor(message, { timedOut = false, maybeSent = true, code, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.timedOut = timedOut;
    /** false only when the request certainly never reached the server (connection refused). */
    this.maybeSent = maybeSent;
    this.code = code;
  }
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCode(error) {
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

function causeMessage(error) {
  let deepest = error;
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) deepest = e;
  return deepest && deepest.message ? deepest.message : String(error);
}

async function readCapped(response, limit) {
  if (!response.body) return '';
  // A declared length within the cap: read it whole (fetch stops at that length anyway).
  const declared = Number(response.headers.get('content-length'));
  if (Number.isInteger(declared) && declared >= 0 && declared <= limit) return response.text();
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TransportFailure(`the answer is larger than ${limit} bytes`, { code: 'BODY_TOO_LARGE' });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export async function sendOnce(fetchImpl, request, timeoutMs) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? undefined,
      redirect: 'manual',
      signal: controller.signal,
    });
    const bodyText = await readCapped(response, MAX_BODY_BYTES);
    return { status: response.status, headers: response.headers, bodyText };
  } catch (error) {
    if (error instanceof TransportFailure) throw error;
    if (timedOut) {
      throw new TransportFailure(`no complete answer within ${timeoutMs} ms`, { timedOut: true, code: 'TIMEOUT' });
    }
    const code = causeCode(error);
    throw new TransportFailure(`the connection failed: ${causeMessage(error)}`, {
      code,
      maybeSent: !NOT_SENT_CODES.has(code),
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
