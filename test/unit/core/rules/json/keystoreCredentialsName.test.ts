import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix, ENCODED } from '../../../helpers';
import { ruleFindings } from '../../json/support';
import { keystore } from './fixtures';

describe('rule keystore-credentials-name', () => {
  test('asks for a lowercase alias and fixes it', () => {
    const document = keystore(`"cluster.remote.West.credentials": { "value": "${ENCODED}" }`);
    const [finding] = ruleFindings('keystore-credentials-name', document);
    assert.equal(finding.severity, 'warning');
    assert.match(
      applyFix(
        document,
        analyze(document).findings.find((f) => f.ruleId === 'keystore-credentials-name')!,
      ),
      /"cluster\.remote\.west\.credentials"/,
    );
  });

  test('suggests the right suffix and spots misplaced settings', () => {
    const [typo] = ruleFindings(
      'keystore-credentials-name',
      keystore(`"cluster.remote.west.credential": { "value": "${ENCODED}" }`),
    );
    assert.match(typo.message, /Did you mean `cluster\.remote\.west\.credentials`\?/);
    const [regular] = ruleFindings('keystore-credentials-name', keystore('"cluster.remote.west.seeds": { "value": "h:9300" }'));
    assert.match(regular.message, /regular cluster setting/);
    const [shape] = ruleFindings('keystore-credentials-name', keystore(`"remote.west.credentials": { "value": "${ENCODED}" }`));
    assert.match(shape.message, /must be `cluster\.remote\.<alias>\.credentials`/);
  });

  test('accepts credentials, signing passwords and unrelated secrets', () => {
    const document = keystore(
      `"cluster.remote.west-1.credentials": { "value": "${ENCODED}" }, "cluster.remote.west-1.signing.keystore.secure_password": { "value": "x" }, "s3.client.default.secret_key": { "value": "x" }`,
    );
    assert.deepEqual(ruleFindings('keystore-credentials-name', document), []);
  });
});
