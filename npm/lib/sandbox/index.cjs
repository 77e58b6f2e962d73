'use strict';
// require('cj-disputes/sandbox'): the same functions, loaded on first use.
const implementation = () => import('./index.js');

module.exports = {
  startSandbox: async (options) => (await implementation()).startSandbox(options),
  readSeedFile: async (file) => (await implementation()).readSeedFile(file),
  defaultSeed: async () => (await implementation()).defaultSeed(),
  SANDBOX_API_KEY: 'CJ0000000@api@sandbox0000000000000000000000000000',
  SANDBOX_ACCESS_TOKEN: 'sandbox-access-token',
};
