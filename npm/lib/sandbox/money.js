// The sandbox keeps amounts as integer cents (exact in JavaScript numbers up to 2^53) and
// converts at its edges; splits use the core's largest-remainder allocation.

const AMOUNT = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

/** '12.5' | 12.5 -> 1250; throws on anything that is not a non-negative amount. */
export function toCents(value) {
  const text = typeof value === 'number' ? String(value) : value;
  const match = typeof text === 'string' ? AMOUNT.exec(text) : null;
  if (!match) throw new TypeError(`not an amount: ${JSON.stringify(value)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 1250 -> '12.50' */
export function fromCents(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Splits `cents` across integer weights, exactly (the core's allocate). */
export function allocateCents(core, cents, weights) {
  if (weights.every((w) => w === 0)) return weights.map(() => 0);
  return core.money.allocate(fromCents(cents), weights.map(fromCents)).map(toCents);
}
