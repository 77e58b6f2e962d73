// The CJ disputes client: the core builds each request and reads each answer; this file owns
// the I/O around it (fetch, rate limit, timeouts, retries, token renewal).
import { randomUUID } from 'node:crypto';

import errors from './errors.cjs';
import { RateLimiter, sleep } from './rate-limiter.js';
import { backoffDelay, parseRetryAfter } from './retry-policy.js';
import { sendOnce, TransportFailure } from './transport.js';

const { CjApiError, CjError, CjNetworkError, CjRateLimitError, CjTimeoutError, CjValidationError } = errors;

export const DEFAULT_BASE_URL = 'https://developers.cjdropshipping.com/api2.0/v1';
const AUTH_EXPIRED_CODE = 1600001;
const REDACTED = '[redacted]';
const MIN_REDACTED_TOKEN_LENGTH = 8;

function optionIssue(field, message) {
  return new CjValidationError([{ field, rule: 'option', message }], { operation: 'createClient' });
}

function readOptions(options) {
  if (options === null || typeof options !== 'object') throw optionIssue('', 'createClient takes an options object.');
  const {
    accessToken, getAccessToken, baseUrl = DEFAULT_BASE_URL, fetch: fetchImpl = globalThis.fetch,
    timeoutMs = 30000, maxRetries = 2, requestsPerSecond = 1,
  } = options;
  const known = new Set(['accessToken', 'getAccessToken', 'baseUrl', 'fetch', 'timeoutMs', 'maxRetries', 'requestsPerSecond']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw optionIssue(key, `${key} is not an option of createClient; check the spelling.`);
  }
  if (getAccessToken !== undefined && typeof getAccessToken !== 'function') {
    throw optionIssue('getAccessToken', 'getAccessToken must be an async function returning the token.');
  }
  if (getAccessToken === undefined && (typeof accessToken !== 'string' || accessToken.trim() === '')) {
    throw optionIssue('accessToken', 'accessToken (a non-empty string) or getAccessToken is required.');
  }
  if (typeof fetchImpl !== 'function') throw optionIssue('fetch', 'fetch must be a function (Node 18+ has one built in).');
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw optionIssue('timeoutMs', 'timeoutMs must be a positive number of milliseconds.');
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
    throw optionIssue('maxRetries', 'maxRetries must be a whole number from 0 to 10.');
  }
  if (!Number.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
    throw optionIssue('requestsPerSecond', 'requestsPerSecond must be 0 (no limit) or a positive number.');
  }
  return { accessToken, getAccessToken, baseUrl, fetchImpl, timeoutMs, maxRetries, requestsPerSecond };
}

/** Creates a client; resolves once the WebAssembly core is loaded and the options are checked. */
export async function createClient(options, loadCore) {
  const settings = readOptions(options);
  const core = await loadCore();
  const base = core.checkBaseUrl(settings.baseUrl);
  if (!base.ok) throw new CjValidationError(base.issues, { operation: 'createClient' });
  return new CjDisputesClient(core, { ...settings, baseUrl: base.baseUrl });
}

export class CjDisputesClient {
  #core;
  #settings;
  #limiter;
  #token;          // the current token (string) once known
  #tokenPromise;   // an in-flight getAccessToken call

  constructor(core, settings) {
    this.#core = core;
    this.#settings = settings;
    this.#limiter = new RateLimiter(settings.requestsPerSecond);
    this.#token = settings.getAccessToken ? undefined : settings.accessToken;
  }

  /** The base URL requests go to (the token is only ever sent there). */
  get baseUrl() {
    return this.#settings.baseUrl;
  }

  /** Lines of an order that can be disputed, with their unit prices and disputable quantities. */
  async disputeProducts(orderId) {
    return (await this.#call('disputeProducts', { orderId })).data;
  }

  /** CJ's reasons, expected-result options and refund caps for the chosen lines. */
  async disputeConfirmInfo({ orderId, productInfoList } = {}) {
    return (await this.#call('disputeConfirmInfo', { orderId, productInfoList })).data;
  }

  /**
   * Opens a dispute. A missing businessDisputeId is filled with a fresh UUID; retries always
   * repeat the same one, so CJ never records the dispute twice.
   * Resolves to { businessDisputeId, result: true, requestId }.
   */
  async createDispute(params = {}) {
    const businessDisputeId = params.businessDisputeId ?? randomUUID();
    const body = { ...params, businessDisputeId };
    const answer = await this.#call('create', body, { businessDisputeId });
    return { businessDisputeId, result: answer.data, requestId: answer.requestId };
  }

  /** Cancels a dispute that is still Processing. Resolves to true. */
  async cancelDispute({ orderId, disputeId } = {}) {
    return (await this.#call('cancel', { orderId, disputeId })).data;
  }

  /** One page of disputes: { pageNum, pageSize, total, list }. */
  async getDisputeList(params = {}) {
    return (await this.#call('getDisputeList', params)).data;
  }

  /** Every dispute matching the filters, page after page: for await (const d of cj.iterateDisputes()). */
  async *iterateDisputes(params = {}) {
    const pageSize = params.pageSize ?? 50;
    let pageNumber = params.pageNumber ?? 1;
    let seen = 0;
    for (;;) {
      const page = await this.getDisputeList({ ...params, pageNumber, pageSize });
      const list = Array.isArray(page.list) ? page.list : [];
      for (const dispute of list) yield dispute;
      seen += list.length;
      const total = Number.isInteger(page.total) ? page.total : undefined;
      // Stop on an empty or short page, or once the total is reached: never loop forever.
      if (list.length === 0 || list.length < pageSize || (total !== undefined && seen >= total)) return;
      pageNumber += 1;
    }
  }

  /** One dispute with its refund details and products. */
  async getDisputeDetail(disputeId) {
    return (await this.#call('getDisputeDetail', { disputeId })).data;
  }

  /**
   * The whole flow of the spec: products -> check the selection -> confirm -> check reason,
   * expected result and amounts -> create. A bad selection is refused before create.
   * Resolves to { businessDisputeId, result: true, requestId, refundPlan }.
   */
  async openDispute(params = {}) {
    const { orderId, lines, disputeReasonId, expectType, refundType, messageText, imageUrl, videoUrl } = params;
    const businessDisputeId = params.businessDisputeId ?? randomUUID();
    const context = { operation: 'openDispute', businessDisputeId };
    const fail = (issues) => new CjValidationError(issues, context);
    const products = await this.disputeProducts(orderId);
    const selection = this.#core.checkSelection(products, { productInfoList: lines });
    if (!selection.ok) throw fail(selection.issues);
    const confirm = await this.disputeConfirmInfo({ orderId, productInfoList: selection.productInfoList });
    const choice = this.#core.checkSelection(confirm, { productInfoList: selection.productInfoList, expectType, disputeReasonId });
    if (!choice.ok) throw fail(choice.issues);
    const refundPlan = this.#core.planRefund(confirm, choice.productInfoList);
    if (!refundPlan.ok) throw fail(refundPlan.issues);
    const created = await this.createDispute({
      businessDisputeId, orderId, disputeReasonId, expectType, refundType, messageText, imageUrl, videoUrl,
      productInfoList: choice.productInfoList,
    });
    return { ...created, refundPlan };
  }

  async #currentToken(renew) {
    const { getAccessToken } = this.#settings;
    if (!getAccessToken) return this.#token;
    if (renew) this.#token = undefined;
    if (this.#token !== undefined) return this.#token;
    this.#tokenPromise ??= (async () => {
      try {
        const token = await getAccessToken();
        if (typeof token !== 'string' || token.trim() === '') {
          throw new CjValidationError([{ field: 'getAccessToken', rule: 'option', message: 'getAccessToken must resolve to a non-empty string.' }]);
        }
        this.#token = token;
        return token;
      } finally {
        this.#tokenPromise = undefined;
      }
    })();
    return this.#tokenPromise;
  }

  // Builds, sends, retries and reads one operation. `context` is copied onto every error.
  async #call(operation, params, context = {}) {
    const errorContext = { operation, ...context };
    let token = await this.#currentToken(false);
    let request = this.#build(operation, params, token, errorContext);
    const { maxRetries, timeoutMs, fetchImpl } = this.#settings;
    let attempts = 0;
    let renewed = false;
    let outcomeUnknown = false;  // an earlier create attempt may have reached CJ
    for (;;) {
      const turn = this.#limiter.acquire();
      if (turn) await turn;
      attempts += 1;
      let failure;
      let retryAfterMs;
      try {
        const answer = await sendOnce(fetchImpl, request, timeoutMs);
        const parsed = this.#read(operation, answer);
        if (parsed.ok) return { data: parsed.data, requestId: parsed.requestId };
        retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
        failure = this.#apiError(parsed.error, { ...errorContext, attempts, retryAfter: retryAfterMs === undefined ? undefined : retryAfterMs / 1000 });
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        if (operation === 'create' && error.maybeSent) outcomeUnknown = true;
        failure = this.#transportError(error, { ...errorContext, attempts, outcomeUnknown });
      }
      if (outcomeUnknown && operation === 'create') failure.outcomeUnknown = true;

      if (failure.code === AUTH_EXPIRED_CODE && this.#settings.getAccessToken && !renewed) {
        renewed = true;  // one fresh token, once
        token = await this.#currentToken(true);
        request = this.#build(operation, params, token, errorContext);
        continue;
      }
      const retryable = failure instanceof CjNetworkError ? true : failure.retryable;
      if (!retryable || attempts > maxRetries) throw failure;
      const delay = retryAfterMs ?? backoffDelay(attempts);
      if (failure instanceof CjRateLimitError) this.#limiter.pause(delay);
      await sleep(delay);
    }
  }

  #build(operation, params, token, context) {
    try {
      return this.#core.buildRequest(operation, params, { baseUrl: this.#settings.baseUrl, accessToken: token });
    } catch (error) {
      if (error instanceof CjValidationError) {
        throw new CjValidationError(this.#redactIssues(error.issues), context);
      }
      throw error;
    }
  }

  #read(operation, answer) {
    if (answer.status >= 300 && answer.status < 400) {
      const location = answer.headers.get('location') ?? 'elsewhere';
      return {
        ok: false,
        error: { code: null, message: `CJ answered with a redirect (HTTP ${answer.status}) to ${location}; it was not followed, so the access token is only sent to baseUrl.`, requestId: null, httpStatus: answer.status, kind: 'unknown', retryable: false },
      };
    }
    return this.#core.parseResponse(operation, answer.status, answer.bodyText);
  }

  #apiError(error, context) {
    const safe = { ...error, message: this.#redact(error.message) };
    if (safe.kind === 'network') {
      return new CjNetworkError(safe.message, { ...context, httpStatus: safe.httpStatus });
    }
    return safe.kind === 'rate_limit' ? new CjRateLimitError(safe, context) : new CjApiError(safe, context);
  }

  #transportError(failure, context) {
    const message = this.#redact(`${context.operation}: ${failure.message}`) +
      (context.outcomeUnknown ? ` The dispute may have been created: look it up or retry with businessDisputeId ${context.businessDisputeId}.` : '');
    const options = { ...context, code: failure.code ?? null, cause: failure.cause };
    return failure.timedOut
      ? new CjTimeoutError(message, { ...options, timeoutMs: this.#settings.timeoutMs })
      : new CjNetworkError(message, options);
  }

  #redact(text) {
    const token = this.#token;
    // Real CJ tokens are long; redacting a very short one would only shred the message.
    if (typeof text !== 'string' || !token || token.length < MIN_REDACTED_TOKEN_LENGTH) return text;
    return text.split(token).join(REDACTED);
  }

  #redactIssues(issues) {
    return issues.map((issue) => ({ ...issue, message: this.#redact(issue.message) }));
  }
}

export { CjError };
