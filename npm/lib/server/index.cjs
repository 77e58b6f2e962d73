'use strict';
// require('cj-disputes/server'): the handler is returned at once (mountable right away); its
// implementation loads on the first request.
function createDisputeHandler(options) {
  let handler;
  return async function disputeRoutes(req, res, next) {
    handler ??= (await import('./index.js')).createDisputeHandler(options);
    return handler(req, res, next);
  };
}

module.exports = { createDisputeHandler, DEFAULT_MAX_BODY_BYTES: 64 * 1024 };
