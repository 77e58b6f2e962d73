'use strict';
// Error classes of cj-disputes. CommonJS so that `import` and `require` share one set of
// classes (the ESM entry imports this file): `instanceof CjError` holds whichever way the
// package was loaded.

/** Base class of every error the package throws. */
class CjError extends Error {
  constructor(message, options = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    /** The operation that failed: 'create', 'getDisputeList', ... (undefined outside a call). */
    this.operation = options.operation;
    /** The businessDisputeId of a failed createDispute / openDispute, to check or retry with. */
    this.businessDisputeId = options.businessDisputeId;
    /** How many HTTP attempts were made (0 when nothing was sent). */
    this.attempts = options.attempts ?? 0;
  }

  /** What JSON.stringify(error) shows: the public fields, never a token or request headers. */
  toJSON() {
    const out = { name: this.name, message: this.message };
    for (const key of Object.keys(this)) {
      if (this[key] !== undefined && key !== 'cause') out[key] = this[key];
    }
    return out;
  }
}

/** The input broke a rule; nothing was sent. `.issues` lists every problem. */
class CjValidationError extends CjError {
  constructor(issues, options = {}) {
    const list = Array.isArray(issues) ? issues : [];
    const summary = list.length === 0 ? 'invalid input'
      : list.slice(0, 3).map((issue) => issue.message).join(' ') + (list.length > 3 ? ` (+${list.length - 3} more)` : '');
    super(`${options.operation ? options.operation + ': ' : ''}${summary}`, options);
    /** [{ field, rule, message }] */
    this.issues = list;
  }
}

/** CJ answered with an error envelope or an HTTP error status. */
class CjApiError extends CjError {
  constructor(error, options = {}) {
    super(error.message, options);
    /** CJ's envelope code (1600100, ...), or null when the answer had none. */
    this.code = error.code ?? null;
    /** CJ's requestId, for CJ's support. */
    this.requestId = error.requestId ?? null;
    this.httpStatus = error.httpStatus;
    /** auth | rate_limit | quota | invalid_request | not_found | server | network | unknown */
    this.kind = error.kind;
    this.retryable = Boolean(error.retryable);
  }
}

/** CJ's rate limit (code 1600200, with HTTP 200 or 429) was still hit after the retries. */
class CjRateLimitError extends CjApiError {
  constructor(error, options = {}) {
    super(error, options);
    /** Seconds CJ asked to wait (Retry-After), when it said. */
    this.retryAfter = options.retryAfter;
  }
}

/** The connection failed, or the answer was not readable JSON. */
class CjNetworkError extends CjError {
  constructor(message, options = {}) {
    super(message, options);
    this.code = options.code ?? null;
    this.httpStatus = options.httpStatus ?? null;
    this.kind = 'network';
    /**
     * True when a createDispute request may have reached CJ (a timeout or a connection cut
     * after it was sent): the dispute may exist. Look it up, or retry with the same
     * businessDisputeId (CJ refuses a second dispute with it).
     */
    this.outcomeUnknown = Boolean(options.outcomeUnknown);
  }
}

/** An attempt took longer than timeoutMs. */
class CjTimeoutError extends CjNetworkError {
  constructor(message, options = {}) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

module.exports = { CjError, CjValidationError, CjApiError, CjRateLimitError, CjNetworkError, CjTimeoutError };
