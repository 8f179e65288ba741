/** Which versions can search each other across clusters. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ccsCompatibility, parseVersion } from '../../../../client/src/diagnosis/versions';

const v = (text: string) => {
  const parsed = parseVersion(text);
  assert.ok(parsed, text);
  return parsed;
};

describe('cross-cluster search version rules', () => {
  const cases: Array<[string, string, 'supported' | 'unsupported' | 'incompatible']> = [
    ['8.15.0', '8.15.3', 'supported'],
    ['8.15.0', '8.14.0', 'supported'], // previous minor
    ['8.15.0', '8.17.0', 'supported'], // newer minor, same major
    ['8.15.0', '8.12.0', 'unsupported'], // connects, not supported
    ['8.15.0', '7.17.20', 'supported'], // 7.17 with any 8.x
    ['7.17.0', '8.15.0', 'supported'],
    ['8.15.0', '7.16.0', 'incompatible'],
    ['9.1.0', '8.17.0', 'incompatible'],
    ['8.17.0', '9.0.0', 'incompatible'],
    ['8.18.0', '9.0.0', 'supported'],
    ['9.1.0', '8.19.2', 'supported'],
  ];
  for (const [local, remote, expected] of cases) {
    test(`local ${local} → remote ${remote}: ${expected}`, () =>
      assert.equal(ccsCompatibility(v(local), v(remote)).kind, expected));
  }
});
