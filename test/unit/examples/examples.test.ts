import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, test } from 'node:test';
import { checkPaths, type CheckResult } from '../../../server/src/cli/check';
import { resolveKey } from '../../../server/src/core/catalog/lookup';
import { keystoreEntries } from '../../../server/src/core/json/models';
import { parseConfigDocument } from '../../../server/src/core/model/parseDocument';

/**
 * The sample set-ups in examples/ are what the README's first command checks, so they must stay
 * correct and recognised: any change in what the checker says about them shows up here.
 */

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');

/** Every scenario folder with each file and the kind the checker must recognise it as. */
const EXPECTED_FILES: Record<string, Record<string, string>> = {
  'ech-same-organization': {
    '1-remote-create-api-key.es': 'console',
    '2-local.keystore.json': 'cloud-keystore',
    '3-local-connect.es': 'console',
  },
  'ech-other-organization': {
    '1-local.trust.json': 'cloud-trust',
    '2-remote.trust.json': 'cloud-trust',
    '3-remote-role.es': 'console',
    '4-local-connect.es': 'console',
  },
  'ece-to-ech': {
    '1-ece-local.trust.json': 'cloud-trust',
    '2-ech-remote.trust.json': 'cloud-trust',
    '3-ech-remote-role.es': 'console',
    '4-ece-local-connect.es': 'console',
  },
  'ece-to-ece': {
    '1-east-local.trust.json': 'cloud-trust',
    '2-west-remote.trust.json': 'cloud-trust',
    '3-west-remote-role.es': 'console',
    '4-east-local-connect.es': 'console',
  },
  'ece-to-eck': {
    '1-eck-remote.elasticsearch.yaml': 'eck-manifest',
    '2-eck-remote-create-api-key.es': 'console',
    '3-ece-local.keystore.json': 'cloud-keystore',
    '4-ece-local-connect.es': 'console',
  },
};

/** What a user of these set-ups knows and passes on the command line (see examples/README.md). */
const USER_OPTIONS = { stackVersion: '9.1.0', keystoreCredentialAliases: ['logs-prod', 'k8s-analytics'] };

/** The decoded form of the placeholder the keystore bodies carry instead of a real key. */
const PLACEHOLDER_KEY = 'EXAMPLE-key-id-00001:EXAMPLE-not-a-real-key';

function examplePath(checkedPath: string): string {
  return relative(EXAMPLES, resolve(checkedPath)).split(sep).join('/');
}

function summary(result: CheckResult): string[] {
  return result.files.flatMap((file) =>
    file.findings.map((f) => `${examplePath(file.path)}:${f.line} ${f.severity} ${f.ruleId}`),
  );
}

function filesOf(scenario: string): string[] {
  return readdirSync(join(EXAMPLES, scenario)).sort();
}

describe('examples/', () => {
  test('has every scenario folder, and the checker recognises each of its files as the intended kind', () => {
    const scenarios = readdirSync(EXAMPLES, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    assert.deepEqual(scenarios.sort(), Object.keys(EXPECTED_FILES).sort());

    const result = checkPaths([EXAMPLES]);
    assert.equal(result.skipped, 0, 'a file was skipped as unrelated');
    assert.deepEqual(result.unreadable, []);
    const recognised = new Map(result.files.map((file) => [examplePath(file.path), file.kind]));
    for (const [scenario, files] of Object.entries(EXPECTED_FILES)) {
      assert.deepEqual(filesOf(scenario), Object.keys(files).sort(), `files of ${scenario}`);
      for (const [name, kind] of Object.entries(files)) {
        assert.equal(recognised.get(`${scenario}/${name}`), kind, `${scenario}/${name}`);
      }
    }
  });

  test('gets no finding at all from the README command (`npm run check -- examples`)', () => {
    const result = checkPaths([EXAMPLES]);
    assert.deepEqual(result.counts, { error: 0, warning: 0, info: 0, hint: 0 });
    assert.deepEqual(summary(result), []);
  });

  test('gets exactly one deprecation note per certificate-model connection once version and keystore are known', () => {
    const result = checkPaths([EXAMPLES], USER_OPTIONS);
    assert.equal(result.counts.error, 0);
    assert.deepEqual(summary(result), [
      'ece-to-ece/4-east-local-connect.es:13 info certificate-model-deprecated',
      'ece-to-ech/4-ece-local-connect.es:15 info certificate-model-deprecated',
      'ech-other-organization/4-local-connect.es:11 info certificate-model-deprecated',
    ]);
  });

  test('sends strict JSON to the Cloud and ECE APIs (they accept no comments or trailing commas)', () => {
    for (const [scenario, files] of Object.entries(EXPECTED_FILES)) {
      for (const name of Object.keys(files).filter((n) => n.endsWith('.json'))) {
        const text = readFileSync(join(EXAMPLES, scenario, name), 'utf8');
        assert.doesNotThrow(() => JSON.parse(text), `${scenario}/${name}`);
      }
    }
  });

  test('stores credentials only under aliases the same scenario connects to, and only as the documented placeholder', () => {
    let keystoreEntriesSeen = 0;
    for (const [scenario, files] of Object.entries(EXPECTED_FILES)) {
      const documents = Object.keys(files).map((name) =>
        parseConfigDocument({ uri: join(EXAMPLES, scenario, name), text: readFileSync(join(EXAMPLES, scenario, name), 'utf8') }),
      );
      const connectedAliases = new Set(
        documents.flatMap((d) =>
          d.scopes
            .filter((s) => s.origin === 'cluster-settings')
            .flatMap((s) => s.occurrences.map((o) => resolveKey(o.key).alias)),
        ),
      );
      for (const body of documents.flatMap((d) => d.bodies ?? []).filter((b) => b.kind === 'cloud-keystore')) {
        for (const entry of keystoreEntries(body)) {
          keystoreEntriesSeen++;
          const alias = /^cluster\.remote\.([^.]+)\.credentials$/.exec(entry.name)?.[1];
          assert.ok(alias && connectedAliases.has(alias), `${scenario}: ${entry.name} has no matching _cluster/settings alias`);
          assert.equal(
            Buffer.from(String(entry.value?.value), 'base64').toString('utf8'),
            PLACEHOLDER_KEY,
            `${scenario}: ${entry.name}`,
          );
        }
      }
    }
    assert.equal(keystoreEntriesSeen, 2);
  });

  test('documents every example file in examples/README.md', () => {
    const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    for (const [scenario, files] of Object.entries(EXPECTED_FILES)) {
      assert.ok(readme.includes(`\`${scenario}/\``), `README has no section for ${scenario}`);
      for (const name of Object.keys(files))
        assert.ok(readme.includes(`\`${name}\``), `README does not mention ${scenario}/${name}`);
    }
  });
});
