// The shared vectors of tests/vectors run through the WebAssembly build: same answers as the
// native GoogleTest run of the same files.
import { readFileSync } from 'node:fs';

import { loadCore, CjValidationError } from '../../npm/lib/index.js';

const OPERATIONS = ['disputeProducts', 'disputeConfirmInfo', 'create', 'cancel', 'getDisputeList', 'getDisputeDetail'];
const files = OPERATIONS.map((operation) => JSON.parse(readFileSync(new URL(`../vectors/${operation}.json`, import.meta.url), 'utf8')));
const core = await loadCore();

const sortedPairs = (issues) => issues.map(({ field, rule }) => `${field}:${rule}`).sort();

describe.each(files.map((file) => [file.operation, file]))('%s vectors', (operation, file) => {
  test.each(file.requests.map((c) => [c.name, c]))('request: %s', (_name, c) => {
    const config = c.config ?? file.defaults;
    if (c.expect.ok) {
      expect(core.buildRequest(operation, c.params, config)).toEqual(c.expect.request);
      return;
    }
    let thrown;
    try {
      core.buildRequest(operation, c.params, config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CjValidationError);
    expect(sortedPairs(thrown.issues)).toEqual(sortedPairs(c.expect.issues));
    for (const issue of thrown.issues) expect(issue.message).toEqual(expect.any(String));
    // validate() reports the same parameter issues (config issues aside).
    const paramIssues = c.expect.issues.filter((i) => i.field !== 'baseUrl' && i.field !== 'accessToken');
    expect(sortedPairs(core.validate(operation, c.params).issues)).toEqual(sortedPairs(paramIssues));
  });

  test.each(file.responses.map((c) => [c.name, c]))('response: %s', (_name, c) => {
    const answer = core.parseResponse(operation, c.httpStatus, c.body);
    expect(answer.ok).toBe(c.expect.ok);
    if (c.expect.ok) {
      expect(answer.data).toEqual(c.expect.data);
      expect(answer.requestId).toEqual(c.expect.requestId);
    } else {
      expect(answer.error).toMatchObject(c.expect.error);
      expect(answer.error.message).toEqual(expect.any(String));
    }
  });
});
