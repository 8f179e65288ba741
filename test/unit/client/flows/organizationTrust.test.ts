import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ccsVersionProblem } from '../../../../client/src/flows/organizationTrust';

describe('the cross-cluster search version policy', () => {
  test('previous minor, same version and newer minors of the same major are supported', () => {
    assert.equal(ccsVersionProblem('8.17.0', '8.16.3'), undefined);
    assert.equal(ccsVersionProblem('8.17.0', '8.17.0'), undefined);
    assert.equal(ccsVersionProblem('8.10.0', '8.17.0'), undefined);
    assert.match(ccsVersionProblem('8.17.0', '8.15.0') ?? '', /8\.16 or later, not 8\.15\.0/);
  });

  test('only the last minors of a major reach the next one, and 9.0 reaches them back', () => {
    assert.equal(ccsVersionProblem('7.17.9', '8.12.0'), undefined);
    assert.equal(ccsVersionProblem('8.18.1', '9.1.0'), undefined);
    assert.equal(ccsVersionProblem('8.19.0', '9.0.0'), undefined);
    assert.equal(ccsVersionProblem('9.0.0', '8.18.0'), undefined);
    assert.match(ccsVersionProblem('8.17.0', '9.0.0') ?? '', /cannot search a 9\.x remote/);
    assert.match(ccsVersionProblem('9.1.0', '8.19.0') ?? '', /cannot search a 8\.x remote/);
  });

  test('an unknown version is never judged', () => {
    assert.equal(ccsVersionProblem(undefined, '8.1.0'), undefined);
    assert.equal(ccsVersionProblem('8.1.0', 'not a version'), undefined);
  });
});
