// CJ's per-account QPS limit as a token bucket per access token: `qps` requests may start
// per second (a burst of up to `qps`); the rest get code 1600200.
export class TokenBuckets {
  #qps;
  #buckets = new Map();

  constructor(qps) {
    this.#qps = qps;
  }

  /** True when `key` may make a request now. */
  take(key, now = performance.now()) {
    if (!(this.#qps > 0)) return true;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#qps, at: now };
    bucket.tokens = Math.min(this.#qps, bucket.tokens + ((now - bucket.at) / 1000) * this.#qps);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
