import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  flatSettings,
  PLAN_WAIT_MS,
  settingsApplied,
  userSettingsYaml,
  waitForPlan,
  withSettings,
} from '../../../../client/src/flows/userSettings';

describe('deployment user settings (elasticsearch.yml through the Cloud API)', () => {
  test('nested and flat keys read as the same flat settings; lists stay lists', () => {
    const read = flatSettings(
      'cluster:\n  remote:\n    signing.certificate_authorities: [a.crt, b.crt]\nxpack.security.audit.enabled: true\n',
    );
    assert.deepEqual(read, {
      ok: true,
      value: { 'cluster.remote.signing.certificate_authorities': ['a.crt', 'b.crt'], 'xpack.security.audit.enabled': 'true' },
    });
    assert.deepEqual(flatSettings(''), { ok: true, value: {} });
    assert.equal(flatSettings('- a\n- b\n').ok, false);
    assert.equal(flatSettings('a: [\n').ok, false);
  });

  test('only the given keys change: comments and other settings stay, null removes, an emptied text is empty', () => {
    const text = '# audit for the SOC\nxpack.security.audit.enabled: true\n';
    const added = withSettings(text, {
      'cluster.remote.x.signing.certificate': 'node.crt',
      'cluster.remote.x.signing.key': 'node.key',
    });
    assert.deepEqual(added, {
      ok: true,
      value:
        '# audit for the SOC\nxpack.security.audit.enabled: true\ncluster.remote.x.signing.certificate: node.crt\ncluster.remote.x.signing.key: node.key\n',
    });
    const removed = withSettings(added.ok ? added.value : '', {
      'cluster.remote.x.signing.certificate': null,
      'cluster.remote.x.signing.key': null,
    });
    assert.deepEqual(removed, { ok: true, value: text });
    assert.deepEqual(withSettings('a.b: 1\n', { 'a.b': null }), { ok: true, value: '' });
  });

  test("a key set in nested form is not rewritten behind the person's back", () => {
    const result = withSettings('cluster:\n  remote:\n    signing:\n      certificate_authorities: a.crt\n', {
      'cluster.remote.signing.certificate_authorities': ['a.crt', 'b.crt'],
    });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problem, /set in nested form .* by hand/);
  });

  test('the JSON form is read as YAML; applied changes are recognised in either list shape', () => {
    assert.match(userSettingsYaml({ elasticsearch: { user_settings_json: { 'a.b': 'c' } } }), /a\.b: c/);
    assert.equal(userSettingsYaml({ elasticsearch: { user_settings_yaml: 'x: 1\n' } }), 'x: 1\n');
    assert.equal(userSettingsYaml(undefined), '');
    assert.equal(settingsApplied({ k: 'a.crt' }, { k: ['a.crt'] }), true);
    assert.equal(settingsApplied({ k: ['a.crt', 'b.crt'] }, { k: ['a.crt'] }), false);
    assert.equal(settingsApplied({}, { k: null }), true);
  });
});

describe('waiting for a deployment to apply its user settings', () => {
  test('polls until no plan is pending, and gives up after the bound with what to do', async () => {
    let clock = 0;
    let reads = 0;
    const pendingFor = (times: number) => ({
      readForUpdate: async () => {
        reads++;
        return { resource: { info: { plan_info: reads <= times ? { pending: {} } : {} } } };
      },
    });
    const context = {
      timing: { now: () => clock, connectTimeoutMs: 1000, pollIntervalMs: 1000, sleep: async (ms: number) => void (clock += ms) },
    } as unknown as Parameters<typeof waitForPlan>[0];
    const target = { deploymentId: 'd', refId: 'r', deploymentName: 'prod' };
    await waitForPlan(context, pendingFor(3) as unknown as Parameters<typeof waitForPlan>[1], target);
    assert.equal(reads, 4);
    reads = 0;
    clock = 0;
    await assert.rejects(
      waitForPlan(context, pendingFor(Infinity) as unknown as Parameters<typeof waitForPlan>[1], target),
      /"prod" is still applying its new configuration after 15 minutes/,
    );
    assert.ok(clock >= PLAN_WAIT_MS);
  });
});
