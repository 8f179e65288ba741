import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../../client/src/api/errors';
import { describeError, errorText } from '../../../client/src/errorText';

describe('errors in words', () => {
  test('an API error keeps its message for people; anything else is called unexpected, on one bounded line', () => {
    assert.equal(describeError(new ApiError('unreachable', 'The cluster did not answer.')), 'The cluster did not answer.');
    const long = describeError(new TypeError(`x is undefined\n    at stack line\n${'y'.repeat(500)}`));
    assert.equal(long, 'An unexpected error occurred (x is undefined).');
    assert.equal(describeError('z'.repeat(300)).length, 'An unexpected error occurred ().'.length + 200);
  });

  test('errorText is the message of an Error and the text of anything else', () => {
    assert.equal(errorText(new Error('boom')), 'boom');
    assert.equal(errorText(42), '42');
  });
});
