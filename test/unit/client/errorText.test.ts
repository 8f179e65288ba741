import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../../client/src/api/errors';
import { describeConnectionError, describeError, errorText } from '../../../client/src/errorText';

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

  test('a 401 names what the connection authenticates with; other errors read as describeError', () => {
    const refused = new ApiError('unauthorized', 'GET / was rejected (401).', undefined, {
      status: 401,
      reason: 'unable to authenticate',
    });
    const text = (kind: 'elasticsearch' | 'cloud' | 'ece', auth: 'basic' | 'apiKey' | 'none') =>
      describeConnectionError(refused, { name: 'Prod', kind, auth, username: auth === 'basic' ? 'admin' : undefined });
    assert.match(text('elasticsearch', 'basic'), /^"Prod" was refused \(401\): the user name "admin" or its password is wrong/);
    assert.match(text('elasticsearch', 'apiKey'), /API key is invalid, expired or invalidated \(revoked\)/);
    assert.match(text('cloud', 'apiKey'), /Elastic Cloud API key is invalid, expired or was deleted/);
    assert.match(text('ece', 'apiKey'), /ECE API key is invalid or was revoked/);
    assert.match(text('ece', 'basic'), /user name "admin" or its password/);
    assert.match(text('elasticsearch', 'none'), /needs credentials and this connection sends none/);
    assert.match(text('elasticsearch', 'apiKey'), /The server said: "unable to authenticate"\./);
    const other = new ApiError('unreachable', 'The cluster did not answer.');
    assert.equal(
      describeConnectionError(other, { name: 'Prod', kind: 'elasticsearch', auth: 'basic' }),
      'The cluster did not answer.',
    );
  });
});
