// Node entry of cj-disputes (import). `require` gets the same API from index.cjs.
import errors from './errors.cjs';
import { createClient as createClientWith, CjDisputesClient, DEFAULT_BASE_URL } from './client.js';
import { memoiseLoader, wrapModule, OPERATIONS } from './core.js';
import { instantiateCore } from './load-node.js';

export const { CjError, CjValidationError, CjApiError, CjRateLimitError, CjNetworkError, CjTimeoutError } = errors;
export { CjDisputesClient, DEFAULT_BASE_URL, OPERATIONS };

/** Loads the WebAssembly core once (memoised); the core's calls are synchronous. */
export const loadCore = memoiseLoader(async () =>
  wrapModule(await instantiateCore(), (issues, operation) => new CjValidationError(issues, { operation })));

/** Creates a CJ disputes client. See the README for every option. */
export function createClient(options) {
  return createClientWith(options, loadCore);
}
