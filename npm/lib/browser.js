// Browser entry of cj-disputes: the WebAssembly core only (validation, money, selection and
// refund checks). The client, which holds the CJ access token, belongs on a server.
import { memoiseLoader, wrapModule, OPERATIONS } from './core.js';
import { instantiateCore } from './load-browser.js';

/** Thrown by core.buildRequest and the money helpers for invalid input. */
export class CjValidationError extends Error {
  constructor(issues, operation) {
    super(`${operation ? operation + ': ' : ''}${issues.map((issue) => issue.message).join(' ')}`);
    this.name = 'CjValidationError';
    this.issues = issues;
    this.operation = operation;
  }
}

export { OPERATIONS };

/** Loads the WebAssembly core once; every call returns the same promise. */
export const loadCore = memoiseLoader(async () =>
  wrapModule(await instantiateCore(), (issues, operation) => new CjValidationError(issues, operation)));
