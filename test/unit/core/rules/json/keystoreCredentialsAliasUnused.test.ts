import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix, ENCODED } from '../../../helpers';
import { consoleDoc, ruleFindings } from '../../json/support';
import { keystore } from './fixtures';

describe('rule keystore-credentials-alias-unused', () => {
  test('flags credentials for an alias no settings request of the file configures', () => {
    const document = consoleDoc(`
      PATCH /api/v1/deployments/abc/elasticsearch/main-elasticsearch/keystore
      { "secrets": { "cluster.remote.wset.credentials": { "value": "${ENCODED}" } } }

      PUT _cluster/settings
      { "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "west.example.com:9443" } }
    `);
    const finding = analyze(document).findings.find((f) => f.ruleId === 'keystore-credentials-alias-unused')!;
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /Did you mean `west`\?/);
    assert.match(applyFix(document, finding), /"cluster\.remote\.west\.credentials"/);
  });

  test('is silent when the alias matches, and when the file has no settings request', () => {
    const matching = consoleDoc(`
      PATCH /api/v1/deployments/abc/elasticsearch/main-elasticsearch/keystore
      { "secrets": { "cluster.remote.west.credentials": { "value": "${ENCODED}" } } }
      PUT _cluster/settings
      { "persistent": { "cluster": { "remote": { "west": { "mode": "proxy", "proxy_address": "w:9443" } } } } }
    `);
    assert.deepEqual(ruleFindings('keystore-credentials-alias-unused', matching), []);
    assert.deepEqual(
      ruleFindings('keystore-credentials-alias-unused', keystore(`"cluster.remote.wset.credentials": { "value": "${ENCODED}" }`)),
      [],
    );
  });
});
