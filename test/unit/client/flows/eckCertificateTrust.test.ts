import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { caKeyName, eckCertificateTrust, normalizePem, readSubjectNames } from '../../../../client/src/flows/eckCertificateTrust';
import { analyze } from '../../../../server/src/core/analyze';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { dedent } from '../../helpers';
import { everythingShown, ScriptedFlowUi, testContext } from './support';

const BODY = 'MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVBdXRob3JpdHlGb3JUZXN0c0FCQ0RFRjAKBggqhkjOPQQDAjAP';
/** A CA pasted into the one-line input: its line breaks arrive as spaces. */
const PASTED = `-----BEGIN CERTIFICATE----- ${BODY.slice(0, 40)} ${BODY.slice(40)} -----END CERTIFICATE-----`;

const MANIFEST = dedent(`
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: quickstart
  spec:
    version: 8.15.0
    nodeSets:
      - name: masters
        count: 3
        config:
          node.roles: [master, remote_cluster_client]
      - name: data
        count: 2
        podTemplate:
          spec:
            containers:
              - name: elasticsearch
                resources:
                  limits:
                    memory: 4Gi
`);

const EXPECTED = dedent(`
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: quickstart
  spec:
    version: 8.15.0
    nodeSets:
      - name: masters
        count: 3
        config:
          node.roles: [master, remote_cluster_client]
          xpack.security.transport.ssl.certificate_authorities:
            - /usr/share/elasticsearch/config/other/ece-ca.crt
          xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust-filter/trust.yml
        podTemplate:
          spec:
            containers:
            - name: elasticsearch
              volumeMounts:
                - name: quickstart-ece-ca
                  mountPath: /usr/share/elasticsearch/config/other
                - name: quickstart-trust
                  mountPath: /usr/share/elasticsearch/config/trust-filter
            volumes:
              - name: quickstart-ece-ca
                secret:
                  secretName: quickstart-ece-ca
              - name: quickstart-trust
                configMap:
                  name: quickstart-trust
      - name: data
        count: 2
        podTemplate:
          spec:
            containers:
              - name: elasticsearch
                resources:
                  limits:
                    memory: 4Gi
                volumeMounts:
                  - name: quickstart-ece-ca
                    mountPath: /usr/share/elasticsearch/config/other
                  - name: quickstart-trust
                    mountPath: /usr/share/elasticsearch/config/trust-filter
            volumes:
              - name: quickstart-ece-ca
                secret:
                  secretName: quickstart-ece-ca
              - name: quickstart-trust
                configMap:
                  name: quickstart-trust
        config:
          xpack.security.transport.ssl.certificate_authorities:
            - /usr/share/elasticsearch/config/other/ece-ca.crt
          xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust-filter/trust.yml
  ---
  apiVersion: v1
  kind: Secret
  metadata:
    name: quickstart-ece-ca
  type: Opaque
  stringData:
    ece-ca.crt: |
      -----BEGIN CERTIFICATE-----
      ${BODY.slice(0, 64)}
      ${BODY.slice(64)}
      -----END CERTIFICATE-----
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: quickstart-trust
  data:
    trust.yml: |
      trust.subject_name:
        - "*.default.es.local"
        - "*.abc123.ece.local"
        - "*.node.quickstart.default.es.local"
`);

function run(answers: ConstructorParameters<typeof ScriptedFlowUi>[0], confirm = true, text = MANIFEST) {
  const ui = new ScriptedFlowUi(answers, { confirm: [{ match: /Every Pod of the cluster will be recreated/, answer: confirm }] });
  const context = testContext(ui, [], { documents: [{ uri: 'file:///k8s/es.yaml', label: 'es.yaml', text }] });
  const previews: Array<boolean | undefined> = [];
  const apply = context.manifests.applyEdits;
  context.manifests.applyEdits = (uri, edits, options) => {
    previews.push(options?.preview);
    return apply(uri, edits, options);
  };
  return { ui, context, previews };
}

describe('Trust an ECE Environment from an ECK Cluster (Certificate Model)', () => {
  test('edits every nodeSet of the open manifest, after a preview, warning about the restart and the superuser access', async () => {
    const { ui, context, previews } = run([{ type: PASTED }, { type: '*.default.es.local, "*.abc123.ece.local"' }]);
    const result = await eckCertificateTrust(context);
    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(context.documents[0].text, EXPECTED);
    assert.deepEqual(previews, [true]);
    const [confirmation] = ui.confirmations;
    assert.match(confirmation.detail, /delete and recreate all Pods/);
    assert.match(confirmation.detail, /every nodeSet \(masters, data\)/);
    assert.match(confirmation.detail, /superuser on the local cluster gets full read access to the remote cluster/);
    assert.match(result.report, /Undo in the editor/);
    // The manifest it wrote is clean for the analyser: no finding at all.
    const parsed = parseConfigDocument({ uri: 'file:///k8s/es.yaml', text: context.documents[0].text });
    assert.deepEqual(analyze(parsed).findings, []);
    // The certificate never reaches a log or the report.
    assert.ok(!context.logLines.join('\n').includes(BODY.slice(0, 20)));
    assert.ok(!result.report.includes(BODY.slice(0, 20)));
  });

  test('reads the CA and the trust.yml ECE offers for download from files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eck-trust-'));
    writeFileSync(join(dir, 'ce aws.crt'), `-----BEGIN CERTIFICATE-----\n${BODY}\n-----END CERTIFICATE-----\n`);
    writeFileSync(join(dir, 'trust.yml'), 'trust.subject_name:\n  - "*.abc123.ece.local"  # ECE\n');
    const { context } = run([{ type: join(dir, 'ce aws.crt') }, { type: join(dir, 'trust.yml') }]);
    const result = await eckCertificateTrust(context);
    assert.equal(result.outcome, 'completed', result.report);
    const text = context.documents[0].text;
    assert.match(text, /certificate_authorities:\n\s+- \/usr\/share\/elasticsearch\/config\/other\/ce-aws\.crt/);
    assert.match(text, /stringData:\n {2}ce-aws\.crt: \|/);
    assert.match(text, /trust\.subject_name:\n {6}- "\*\.abc123\.ece\.local"\n {6}- "\*\.node\.quickstart\.default\.es\.local"/);
  });

  test('asks again for an incomplete certificate and for empty subject names; cancelling leaves the manifest alone', async () => {
    const { ui, context } = run(
      [{ type: '-----BEGIN CERTIFICATE----- abc' }, { type: PASTED }, { type: ' , ' }, { type: '*.default.es.local' }],
      false,
    );
    const result = await eckCertificateTrust(context);
    assert.equal(result.outcome, 'cancelled');
    assert.equal(context.documents[0].text, MANIFEST);
    assert.match(ui.shown[0].rejected[0], /not a complete PEM certificate/);
    assert.match(ui.shown[1].rejected[0], /at least one subject name/);
  });

  test('says what to open when no ECK manifest is open, and fails without editing a layout it cannot change', async () => {
    const none = run([]);
    none.context.documents.length = 0;
    assert.equal((await eckCertificateTrust(none.context)).outcome, 'cancelled');
    assert.match(none.ui.notices[0].message, /Open the ECK manifest/);
    const flowConfig = MANIFEST.replace('count: 2', 'count: 2\n      config: {node.roles: [data]}');
    const { context } = run([{ type: PASTED }, { type: '*.default.es.local' }], true, flowConfig);
    const result = await eckCertificateTrust(context);
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /config of nodeSet "data"/);
    assert.equal(context.documents[0].text, flowConfig);
    assert.equal(everythingShown(context, result).includes(BODY.slice(0, 20)), false);
  });

  test('helpers: PEM normalisation, Secret key names, subject name lists', async () => {
    assert.equal(normalizePem('no certificate'), undefined);
    assert.equal(
      normalizePem(PASTED),
      `-----BEGIN CERTIFICATE-----\n${BODY.slice(0, 64)}\n${BODY.slice(64)}\n-----END CERTIFICATE-----\n`,
    );
    assert.equal(caKeyName('/tmp/My CA (ece).pem'), 'My-CA-ece-.pem');
    assert.equal(caKeyName(undefined), 'ece-ca.crt');
    assert.deepEqual(await readSubjectNames('a.b, "c.*"'), { ok: true, value: ['a.b', 'c.*'] });
    const spaced = await readSubjectNames('a b');
    assert.ok(!spaced.ok);
  });
});
