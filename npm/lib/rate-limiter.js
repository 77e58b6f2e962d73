// Spaces requests evenly: at most `requestsPerSecond` start per second, in call order.
// CJ counts per account, so one limiter per client is shared by all its concurrent calls,
// which wait their turn instead of tripping code 1600200.

export class RateLimiter {
  #intervalMs;
  #nextSlot = 0;

  constructor(requestsPerSecond) {
    this.#intervalMs = requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0;
  }

  /** A promise to await when the caller must wait its turn, or undefined when it may go now. */
  acquire() {
    if (this.#intervalMs === 0) return undefined;
    const now = performance.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + this.#intervalMs;
    const wait = slot - now;
    return wait > 0 ? sleep(wait) : undefined;
  }

  /** Pushes the next slot back, after CJ said to slow down. */
  pause(ms) {
    this.#nextSlot = Math.max(this.#nextSlot, performance.now() + ms);
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
