// The WebAssembly core, wrapped for JavaScript: synchronous calls once loaded.
//
// Arguments travel as UTF-8 bytes written straight into the module's heap with
// TextEncoder.encodeInto (one reusable buffer), and answers come back as JSON text decoded
// with TextDecoder: no embind string marshalling, no per-call allocation in the heap.

export const OPERATIONS = Object.freeze([
  'disputeProducts', 'disputeConfirmInfo', 'create', 'cancel', 'getDisputeList', 'getDisputeDetail',
]);

const POST_OPERATIONS = new Set(['disputeConfirmInfo', 'create', 'cancel']);
// The core reads at most 8 MiB of JSON; far larger inputs are refused before they are copied.
const MAX_INPUT_CHARS = 16 * 1024 * 1024;

class InputTooLarge extends Error {
  constructor(chars) {
    super(`the input is ${chars} characters, more than the core reads`);
  }
}

const TOO_LARGE_ISSUE = (error) => ({ ok: false, issues: [{ field: '', rule: 'json', message: `The ${error.message}.` }] });
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function serialise(value, what) {
  try {
    const text = JSON.stringify(value === undefined ? null : value);
    return text === undefined ? 'null' : text;
  } catch (error) {
    return { error: `${what} cannot be written as JSON (${error.message})` };
  }
}

/**
 * Wraps an instantiated module. `makeValidationError(issues, operation)` builds what
 * buildRequest throws for invalid input.
 */
export function wrapModule(wasm, makeValidationError) {
  // Writes the strings end to end into the input buffer; their byte lengths go to `lengths`.
  const lengths = [0, 0, 0, 0];
  function write(a, b = '', c = '', d = '') {
    const chars = a.length + b.length + c.length + d.length;
    if (chars > MAX_INPUT_CHARS) throw new InputTooLarge(chars);
    const base = wasm.reserveInput(chars * 3);  // UTF-16 unit -> at most 3 bytes
    if (base === 0) throw new InputTooLarge(chars);
    const heap = wasm.HEAPU8;  // read after reserveInput: the heap may have grown
    let offset = base;
    offset += lengths[0] = encoder.encodeInto(a, heap.subarray(offset)).written;
    offset += lengths[1] = encoder.encodeInto(b, heap.subarray(offset)).written;
    offset += lengths[2] = encoder.encodeInto(c, heap.subarray(offset)).written;
    lengths[3] = encoder.encodeInto(d, heap.subarray(offset)).written;
    return lengths;
  }

  function text(length) {
    const start = wasm.outputPointer();
    return decoder.decode(wasm.HEAPU8.subarray(start, start + length));
  }

  function read(length) {
    return JSON.parse(text(length));
  }

  function invalidJson(message) {
    return { ok: false, issues: [{ field: '', rule: 'type', message }] };
  }

  // Runs `call`; an input too large to copy becomes an answer, never a crash.
  function bounded(call, tooLarge) {
    try {
      return call();
    } catch (error) {
      if (error instanceof InputTooLarge) return tooLarge(error);
      throw error;
    }
  }

  function validate(operation, params) {
    const json = serialise(params, 'The parameters');
    if (typeof json !== 'string') return invalidJson(json.error);
    return bounded(() => read(wasm.validate(...write(String(operation), json).slice(0, 2))), TOO_LARGE_ISSUE);
  }

  // The core answers "<url>\n<body>"; method and headers follow from the operation.
  function buildRequest(operation, params, { baseUrl = '', accessToken = '' } = {}) {
    const json = serialise(params, 'The parameters');
    if (typeof json !== 'string') throw makeValidationError(invalidJson(json.error).issues, operation);
    const token = String(accessToken ?? '');
    const answer = bounded(() => {
      const [a, b, c, d] = write(String(operation), json, String(baseUrl ?? ''), token);
      return text(wasm.buildRequest(a, b, c, d));
    }, (error) => JSON.stringify(TOO_LARGE_ISSUE(error)));
    if (answer.charCodeAt(0) === 123 /* { */) throw makeValidationError(JSON.parse(answer).issues, operation);
    const split = answer.indexOf('\n');
    const post = POST_OPERATIONS.has(operation);
    return {
      method: post ? 'POST' : 'GET',
      url: answer.slice(0, split),
      headers: post
        ? { 'CJ-Access-Token': token, Accept: 'application/json', 'Content-Type': 'application/json' }
        : { 'CJ-Access-Token': token, Accept: 'application/json' },
      body: post ? answer.slice(split + 1) : null,
    };
  }

  function parseResponse(operation, httpStatus, bodyText) {
    const answer = bounded(() => {
      const [a, b] = write(String(operation), String(bodyText ?? ''));
      return read(wasm.parseResponse(a, Number(httpStatus) | 0, b));
    }, (error) => ({ ok: false, error: { code: null, message: `CJ's answer could not be read: ${error.message}.`, requestId: null,
      httpStatus: Number(httpStatus) | 0, kind: 'network', retryable: true } }));
    if (answer.issues) {  // an unknown operation name
      throw makeValidationError(answer.issues, operation);
    }
    return answer;
  }

  function checkBaseUrl(baseUrl) {
    return bounded(() => read(wasm.checkBaseUrl(write(String(baseUrl ?? ''))[0])), TOO_LARGE_ISSUE);
  }

  function moneyCall(op, args) {
    const json = serialise(args, 'The amounts');
    const answer = typeof json === 'string'
      ? bounded(() => read(wasm.money(...write(op, json).slice(0, 2))), TOO_LARGE_ISSUE)
      : invalidJson(json.error);
    if (!answer.ok) throw makeValidationError(answer.issues, `money.${op}`);
    return answer.value;
  }

  function jsonPair(fn, first, second) {
    const a = serialise(first, 'The data');
    const b = serialise(second, 'The choice');
    if (typeof a !== 'string') return invalidJson(a.error);
    if (typeof b !== 'string') return invalidJson(b.error);
    return bounded(() => {
      const [x, y] = write(a, b);
      return read(fn(x, y));
    }, TOO_LARGE_ISSUE);
  }

  const money = Object.freeze({
    /** a + b, exactly: add('0.10', '0.20') === '0.30' */
    add: (a, b) => moneyCall('add', [a, b]),
    /** a - b */
    sub: (a, b) => moneyCall('sub', [a, b]),
    /** amount x whole quantity: mul('19.99', 3) === '59.97' */
    mul: (amount, quantity) => moneyCall('mul', [amount, quantity]),
    /** the sum of a list */
    sum: (amounts) => moneyCall('sum', [amounts]),
    /** -1, 0 or 1 */
    cmp: (a, b) => moneyCall('cmp', [a, b]),
    /** splits total across weights; the parts always add up to total */
    allocate: (total, weights) => moneyCall('allocate', [total, weights]),
    /** '12.5' -> '12.50'; throws on anything that is not an amount */
    format: (amount) => moneyCall('format', [amount]),
  });

  return Object.freeze({
    operations: OPERATIONS,
    validate,
    buildRequest,
    parseResponse,
    checkBaseUrl,
    money,
    /** Checks a choice of lines (and expectType / disputeReasonId) against products or confirm data. */
    /** The module's memory: { heapBytes } reserved, { inUseBytes } allocated (for leak checks). */
    memory: () => ({ heapBytes: wasm.HEAPU8.length, inUseBytes: wasm.heapInUse() }),
    checkSelection: (stageData, choice) => jsonPair(wasm.checkSelection, stageData, choice),
    /** Line totals, product total and CJ's caps for the chosen lines. */
    planRefund: (confirmData, productInfoList) => jsonPair(wasm.planRefund, confirmData, productInfoList),
    /** Whether a dispute's refundDetails add up to its refund. */
    checkRefundDetails: (detail) => {
      const json = serialise(detail, 'The dispute detail');
      if (typeof json !== 'string') return invalidJson(json.error);
      return bounded(() => read(wasm.checkRefundDetails(write(json)[0])), TOO_LARGE_ISSUE);
    },
  });
}

/** Memoises one load per loader: concurrent callers share it; a failed load can be retried. */
export function memoiseLoader(load) {
  let pending = null;
  return function loadOnce() {
    if (pending === null) {
      pending = load().catch((error) => {
        pending = null;
        throw error;
      });
    }
    return pending;
  };
}
