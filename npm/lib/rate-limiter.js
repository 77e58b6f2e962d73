// Spaces requests evenly: at most `requestsPerSecond` start per second, in call order.
// CJ counts per account, so one limiter per client is shared by all its concurrent calls,
// which wait their turn instead of tripping code 1600200.

export class RateLimiter {
  #intervalMs;
  #nextSlot = 0;

  constructor(requestsPerSecond) {
    this.#intervalMs = requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0;
  }

  /** Resolves when the caller may send; `signal` (optional) abandons the wait. */
  async acquire() {
    if (this.#intervalMs === 0) return;
    const now = performance.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + this.#intervalMs;
    const wait = slot - now;
    if (wait > 0) await sleep(wait);
  }

  /** Pushes the next slot back, after CJ said to slow down. */
  pause(ms) {
    this.#nextSlot = Math.max(this.#nextSlot, performance.now() + ms);
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
