// Timing helpers: medians of repeated samples (these machines are noisy), never assertions.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median microseconds per call of `fn`, over `samples` samples of `iterations` calls each. */
export function microsPerCall(fn, { samples = 15, iterations = 2000, warmup = 2000 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    times.push(((performance.now() - start) * 1000) / iterations);
  }
  return median(times);
}

/** Interleaves the contenders sample by sample so drift hits them alike. */
export function compare(contenders, options = {}) {
  const { samples = 15, iterations = 2000, warmup = 2000 } = options;
  for (const fn of Object.values(contenders)) for (let i = 0; i < warmup; i++) fn();
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let s = 0; s < samples; s++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const start = performance.now();
      for (let i = 0; i < iterations; i++) fn();
      times[name].push(((performance.now() - start) * 1000) / iterations);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

export const opsPerSecond = (micros) => Math.round(1e6 / micros);
