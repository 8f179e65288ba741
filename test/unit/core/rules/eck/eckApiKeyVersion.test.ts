import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_KEY_ENTRY, es } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-api-key-version (rules 56, 24)', () => {
  test('is an error before 8.10.0 and a warning for the 8.10 to 8.13 beta', () => {
    const old = eckFindingsOf('eck-api-key-version', es('a', `version: 8.9.0${API_KEY_ENTRY}`));
    assert.deepEqual(
      old.map((f) => [f.severity, f.text]),
      [['error', 'apiKey']],
    );
    const beta = eckFindingsOf('eck-api-key-version', es('a', `version: 8.12.1${API_KEY_ENTRY}`));
    assert.deepEqual(
      beta.map((f) => [f.severity, f.text]),
      [['warning', 'apiKey']],
    );
  });

  test('is silent from 8.14.0, for certificate-model entries and when the version is unknown', () => {
    assert.deepEqual(eckFindingsOf('eck-api-key-version', es('a', `version: 8.14.0${API_KEY_ENTRY}`)), []);
    assert.deepEqual(
      eckFindingsOf(
        'eck-api-key-version',
        es('a', 'version: 8.9.0\nremoteClusters:\n  - name: w\n    elasticsearchRef:\n      name: w'),
      ),
      [],
    );
    assert.deepEqual(eckFindingsOf('eck-api-key-version', es('a', API_KEY_ENTRY)), []);
  });
});
