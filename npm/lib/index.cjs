'use strict';
// Node entry of cj-disputes (require). The error classes are the very ones `import` gets;
// everything else loads the ESM implementation on first use (all of it is async anyway).
const errors = require('./errors.cjs');

const implementation = () => import('./index.js');

module.exports = {
  CjError: errors.CjError,
  CjValidationError: errors.CjValidationError,
  CjApiError: errors.CjApiError,
  CjRateLimitError: errors.CjRateLimitError,
  CjNetworkError: errors.CjNetworkError,
  CjTimeoutError: errors.CjTimeoutError,
  DEFAULT_BASE_URL: 'https://developers.cjdropshipping.com/api2.0/v1',
  /** Loads the WebAssembly core once (memoised). */
  loadCore: async () => (await implementation()).loadCore(),
  /** Creates a CJ disputes client. */
  createClient: async (options) => (await implementation()).createClient(options),
};
