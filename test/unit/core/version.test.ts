import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { atLeast, compareVersions, parseVersion } from '../../../server/src/core/version';

describe('parseVersion', () => {
  test('reads pre-release and build suffixes and compares by the release', () => {
    for (const [text, release] of [
      ['6.0.0-rc1', '6.0.0'],
      ['8.15.0-SNAPSHOT', '8.15.0'],
      ['8.15.0+build.7', '8.15.0'],
      ['9.1.0-beta1+abc', '9.1.0'],
      ['7.16', '7.16.0'],
    ]) {
      const version = parseVersion(text);
      assert.ok(version, text);
      assert.equal(version.text, text);
      assert.equal(`${version.major}.${version.minor}.${version.patch}`, release);
    }
    assert.equal(atLeast(parseVersion('8.15.0-SNAPSHOT'), '8.15.0'), true);
    assert.equal(atLeast(parseVersion('6.0.0-rc1'), '6.5.0'), false);
  });

  test('refuses text that is not a version', () => {
    for (const text of ['eight', '8', '8.x', '8.15.0 beta', '8.15.0-', '8.15.0-rc 1', '']) {
      assert.equal(parseVersion(text), undefined, text);
    }
  });
});

describe('compareVersions', () => {
  test('compares against version texts the same way each time, however many distinct texts it saw', () => {
    const version = parseVersion('8.15.0')!;
    for (let round = 0; round < 2; round++) {
      assert.equal(compareVersions(version, '8.10.0') > 0, true);
      assert.equal(compareVersions(version, '8.15.0'), 0);
      assert.equal(compareVersions(version, '9.3.0') < 0, true);
    }
    // More texts than it remembers: the answers stay right after the memory starts over.
    for (let patch = 0; patch < 1500; patch++) assert.equal(compareVersions(version, `8.14.${patch}`) > 0, true);
    assert.equal(compareVersions(version, '8.10.0') > 0, true);
    assert.throws(() => compareVersions(version, 'eight'), /not a version/);
    assert.throws(() => compareVersions(version, 'eight'), /not a version/);
  });
});
