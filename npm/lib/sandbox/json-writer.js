// Writes JSON the way CJ's servers do, quirks included: amounts as raw decimal numbers with
// two decimals (12.50, which JSON.stringify cannot produce) or as strings, big ids as strings.

const RAW = Symbol('raw JSON text');

/** A value written verbatim (an amount such as 12.50). */
export function raw(text) {
  return { [RAW]: text };
}

export function writeJson(value) {
  if (value !== null && typeof value === 'object') {
    if (RAW in value) return value[RAW];
    if (Array.isArray(value)) return `[${value.map(writeJson).join(',')}]`;
    const parts = [];
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${writeJson(item)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value === undefined ? null : value);
}
