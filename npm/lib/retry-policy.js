// When to try again, and how long to wait: exponential backoff with jitter, CJ's
// Retry-After when it gives one.

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
const MAX_RETRY_AFTER_MS = 60000;

/** Delay before retry number `retry` (1, 2, ...): 0.5 s, 1 s, 2 s ... capped, with 50-100% jitter. */
export function backoffDelay(retry, random = Math.random) {
  const base = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * 2 ** (retry - 1));
  return base * (0.5 + random() * 0.5);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null || value === '') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}
