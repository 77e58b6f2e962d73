// Fault injection for testing clients: from the server's options (rates), from per-request
// headers, or from a queue a test fills through the admin API (one fault per request, in order).
//
// A fault is { latencyMs, stallMs, fail: code, status, drop: 'before' | 'after', html: status, truncate: true }.
//   latencyMs  answer late (slow headers), before handling the request
//   stallMs    handle the request (the change is made), then answer that late
//   fail       answer CJ's error `code` (1600000 busy by default) with HTTP `status` (200)
//   drop       close the connection before handling the request, or after handling it (the
//              change is made, the answer never arrives)
//   html       answer an HTML error page with that HTTP status (a proxy's 502)
//   truncate   send half of the real answer, then reset the connection

export class Faults {
  #options;
  #queue = [];
  #random;

  constructor({ latencyMs = 0, failRate = 0, dropRate = 0, random = Math.random } = {}) {
    this.#options = { latencyMs, failRate, dropRate };
    this.#random = random;
  }

  enqueue(faults) {
    this.#queue.push(...faults.map(normalise));
  }

  clear() {
    this.#queue.length = 0;
  }

  get pending() {
    return this.#queue.length;
  }

  /** The fault for this request: the queue first, then the headers, then the random rates. */
  next(headers) {
    const fault = { ...(this.#queue.shift() ?? {}) };
    const fromHeaders = normalise({
      latencyMs: headers['x-sandbox-latency'],
      stallMs: headers['x-sandbox-stall'],
      fail: headers['x-sandbox-fail'],
      status: headers['x-sandbox-status'],
      drop: headers['x-sandbox-drop'],
      html: headers['x-sandbox-html'],
      truncate: headers['x-sandbox-truncate'],
    });
    for (const [key, value] of Object.entries(fromHeaders)) if (value !== undefined) fault[key] ??= value;
    const { latencyMs, failRate, dropRate } = this.#options;
    if (fault.latencyMs === undefined && latencyMs > 0) fault.latencyMs = latencyMs;
    if (fault.fail === undefined && failRate > 0 && this.#random() < failRate) fault.fail = 1600000;
    if (fault.drop === undefined && dropRate > 0 && this.#random() < dropRate) fault.drop = 'before';
    return fault;
  }
}

function normalise(fault) {
  const out = {};
  const number = (value) => (value === undefined || value === null || value === '' ? undefined : Number(value));
  if (number(fault.latencyMs) > 0) out.latencyMs = Math.min(number(fault.latencyMs), 120000);
  if (number(fault.stallMs) > 0) out.stallMs = Math.min(number(fault.stallMs), 120000);
  if (fault.fail !== undefined && fault.fail !== null && fault.fail !== '') {
    const code = number(fault.fail);
    out.fail = code === 1 || fault.fail === true ? 1600000 : code;
  }
  if (number(fault.status) > 0) out.status = number(fault.status);
  if (fault.drop) out.drop = fault.drop === 'after' ? 'after' : 'before';
  if (number(fault.html) > 0 || fault.html === true) out.html = fault.html === true ? 502 : number(fault.html);
  if (fault.truncate && fault.truncate !== '0' && fault.truncate !== 'false') out.truncate = true;
  return out;
}
