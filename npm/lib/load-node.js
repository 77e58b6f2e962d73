// Node: the CommonJS glue (built for Node), with the .wasm read from disk and handed over as
// wasmBinary (Emscripten 3.1.6's glue would otherwise try to fetch() a file path).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export async function instantiateCore() {
  const createModule = require('../wasm/cj-disputes-core.cjs');
  const wasmBinary = await readFile(new URL('../wasm/cj-disputes-core.wasm', import.meta.url));
  return createModule({ wasmBinary });
}
