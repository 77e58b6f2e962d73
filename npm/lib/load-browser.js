// Browsers: the ESM glue streams cj-disputes-core.wasm from next to itself
// (serve it as application/wasm). Built without eval, so it runs under a strict CSP.
import createModule from '../wasm/cj-disputes-core.mjs';

export function instantiateCore() {
  return createModule({
    locateFile: (file) => new URL(`../wasm/${file}`, import.meta.url).href,
  });
}
