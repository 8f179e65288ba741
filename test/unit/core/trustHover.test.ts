import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../../server/src/core/hover';
import { SEED_004_MANIFEST } from './eck/seed004';
import { doc } from '../helpers';

function hover(text: string, uri: string, needle: string) {
  const document = doc(text, uri);
  const offset = document.text.indexOf(needle);
  assert.ok(offset >= 0);
  const result = hoverAt(document, offset + 1);
  return result && { markdown: result.markdown, text: document.text.slice(result.span.start, result.span.end) };
}

describe('trust.yml hover', () => {
  test('explains trust.subject_name, flat or nested, citing the ECK and ECE page', () => {
    const flat = hover('trust.subject_name:\n  - "*.ece.local"\n', 'file:///ece/trust.yml', 'trust.subject_name');
    assert.equal(flat?.text, 'trust.subject_name');
    assert.match(flat?.markdown ?? '', /including those between this cluster's own nodes/);
    assert.match(flat?.markdown ?? '', /ece-enable-ccs-for-eck/);
    const nested = hover('trust:\n  subject_name: ["*.ece.local"]\n', 'file:///ece/trust.yml', 'subject_name');
    assert.equal(nested?.text, 'subject_name');
    assert.equal(hover('trust:\n  other: 1\n', 'file:///ece/trust.yml', 'other'), undefined);
  });

  test("explains a ConfigMap's trust.yml key in an ECK manifest", () => {
    const result = hover(SEED_004_MANIFEST, 'file:///k8s/cluster.yaml', 'trust.yml: |');
    assert.equal(result?.text, 'trust.yml');
    assert.match(result?.markdown ?? '', /Mount this ConfigMap as a volume in every nodeSet/);
  });
});
