import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { addTrustedEnvironment, editTrust, scopeIdProblem } from '../../../../client/src/flows/trust';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cloudConnection, ScriptedFlowUi, testContext, type SavedConnection } from './support';

const X_ID = '1'.repeat(32);
const Y_ID = '2'.repeat(32);
const EXTRA_ID = 'c'.repeat(32);
const CA_FILE = path.resolve(__dirname, '../../../../../test/fixtures/tls/ca.crt');
const DIRECT = {
  name: 'on-prem',
  type: 'generic' as const,
  trust_all: true,
  scope_id: 'onprem',
  certificates: [{ pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }],
};

describe('Add Trusted Environment and Edit Trust (Elastic Cloud Hosted)', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [{ name: 'xc' }, { name: 'yc' }],
      cloud: {
        apiKeys: ['org-key'],
        accountId: 'org-9',
        deployments: [
          { id: 'dep-x', name: 'x', cluster: 'xc', clusterId: X_ID },
          { id: 'dep-y', name: 'y', cluster: 'yc', clusterId: Y_ID },
        ],
      },
    });
    saved = [cloudConnection('cloud', emulator.cloudUrl as string, 'org-key')];
  });
  after(() => emulator.stop());
  beforeEach(() => {
    const x = emulator.state.cloud.deployments.get('dep-x');
    if (x) x.trust = { accounts: [{ account_id: 'org-9', trust_all: true }], direct: [DIRECT] };
  });
  afterEach(() => emulator.faults.clear());

  const trustOfX = () => emulator.state.cloud.deployments.get('dep-x')?.trust;

  test('adds an organization for listed clusters (picked from the account, plus typed ones) and keeps every existing entry', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /Elastic Cloud organization/ },
        { type: 'org 2' },
        { type: 'org-2' },
        { pick: /Only specific/ },
        { pickMany: [/^y$/] },
        { type: EXTRA_ID },
      ],
      { confirm: [{ match: /Change the trust of deployment "x"\?/, answer: true }] },
    );
    const context = testContext(ui, saved);
    const result = await addTrustedEnvironment(context, { connectionId: 'cloud', deploymentId: 'dep-x' });
    assert.equal(result.outcome, 'completed', result.report);
    assert.deepEqual(trustOfX()?.accounts, [
      { account_id: 'org-9', trust_all: true },
      { account_id: 'org-2', trust_all: false, trust_allowlist: [Y_ID, EXTRA_ID] },
    ]);
    assert.deepEqual(
      trustOfX()?.direct?.map((entry) => entry.name),
      ['on-prem'],
      'the direct entry survived the write',
    );
    const picked = ui.shown.find((step) => step.kind === 'pickMany');
    assert.deepEqual(picked?.labels, ['y'], 'the deployment itself is not offered');
    assert.match(
      ui.confirmations[0].detail,
      /Add: Organization org-2 — clusters 2{32}, c{32}\n\nKept as they are:\n• Organization org-9 — all deployments\n• Self-managed \/ other "on-prem" — all deployments/,
    );
    assert.match(ui.shown[1].rejected[0], /letters, digits/);
    assert.equal(context.refreshes, 1);
  });

  test('an entry for the same organization is replaced only after confirming, with the others kept', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /Elastic Cloud organization/ },
        { type: 'org-9' },
        { pick: /Only specific/ },
        { pickMany: [] },
        { type: 'not-a-cluster-id' },
        { pickMany: [/^y$/] },
        { type: '' },
      ],
      {
        confirm: [
          { match: /does not look like an Elasticsearch cluster ID/, answer: false },
          { match: /Change the trust of deployment "x"\?/, answer: true },
        ],
      },
    );
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-x' });
    assert.equal(result.outcome, 'completed');
    assert.match(
      ui.confirmations[1].detail,
      /^Replace: Organization org-9 — all deployments\nWith: Organization org-9 — clusters 2{32}/,
    );
    assert.deepEqual(trustOfX()?.accounts, [{ account_id: 'org-9', trust_all: false, trust_allowlist: [Y_ID] }]);
    assert.equal(trustOfX()?.direct?.length, 1);
  });

  test('a self-managed environment is trusted by its CA file and scope ID', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^x$/ },
        { pick: /self-managed or other/ },
        { type: 'dc1' },
        { type: '/no/such/ca.crt' },
        { type: CA_FILE },
        { type: 'DC1' },
        { type: 'dc1' },
        { pick: /All of its/ },
      ],
      { confirm: [{ match: /Change the trust/, answer: true }] },
    );
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud' });
    assert.equal(result.outcome, 'completed', result.report);
    const added = trustOfX()?.direct?.find((entry) => entry.name === 'dc1');
    assert.deepEqual(added, {
      name: 'dc1',
      type: 'generic',
      scope_id: 'dc1',
      trust_all: true,
      certificates: [{ pem: readFileSync(CA_FILE, 'utf8') }],
    });
    assert.match(ui.shown.find((step) => step.text.startsWith('Path of the PEM'))?.rejected[0] ?? '', /no file at this path/);
    assert.match(ui.shown.find((step) => step.text.startsWith('Scope ID'))?.rejected[0] ?? '', /lowercase/);
  });

  test('Edit Trust narrows an entry to listed clusters, then removes another; the rest is kept each time', async () => {
    const narrow = new ScriptedFlowUi(
      [
        { pick: /^Organization org-9/ },
        { pick: /Change which clusters/ },
        { pick: /Only specific/ },
        { pickMany: [/^y$/] },
        { type: '' },
      ],
      {
        confirm: [{ match: /Change this trust of deployment "x"\?/, answer: true }],
      },
    );
    const first = await editTrust(testContext(narrow, saved), { connectionId: 'cloud', deploymentId: 'dep-x' });
    assert.equal(first.outcome, 'completed', first.report);
    assert.match(
      narrow.confirmations[0].detail,
      /Before: Organization org-9 — all deployments\nAfter: Organization org-9 — clusters 2{32}/,
    );
    assert.deepEqual(trustOfX()?.accounts, [{ account_id: 'org-9', trust_all: false, trust_allowlist: [Y_ID] }]);

    const remove = new ScriptedFlowUi([{ pick: /on-prem/ }, { pick: /Remove this trust/ }], {
      confirm: [{ match: /Remove this trust/, answer: true }],
    });
    const second = await editTrust(testContext(remove, saved), { connectionId: 'cloud', deploymentId: 'dep-x' });
    assert.equal(second.outcome, 'completed');
    assert.deepEqual(trustOfX(), { accounts: [{ account_id: 'org-9', trust_all: false, trust_allowlist: [Y_ID] }], direct: [] });
  });

  test('a refused deployment update leaves the trust as it was', async () => {
    emulator.faults.status(400, { server: 'cloud', method: 'PUT', path: '/api/v1/deployments/dep-x' });
    const ui = new ScriptedFlowUi([{ pick: /Elastic Cloud organization/ }, { type: 'org-3' }, { pick: /All of its/ }], {
      confirm: [{ match: /Change the trust/, answer: true }],
    });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-x' });
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /Nothing was changed/);
    assert.deepEqual(trustOfX()?.accounts, [{ account_id: 'org-9', trust_all: true }]);
  });
});

describe('Add Trusted Environment (ECE)', () => {
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startEmulator({
      clusters: [{ name: 'ec' }],
      cloud: {
        flavor: 'ece',
        apiKeys: ['ece-key'],
        deployments: [{ id: 'dep-e', name: 'e', cluster: 'ec' }],
        trustRelationships: [
          { id: 'env-2', name: 'Second ECE', publicCaCert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' },
        ],
      },
    });
  });
  after(() => emulator.stop());

  test('an Elastic Cloud organization is trusted through a direct ESS entry with its ID as scope and the regional CAs (seed 000)', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^e$/ },
        { pick: /Elastic Cloud organization/ },
        { type: '803289842' },
        { type: 'My Organization' },
        { type: CA_FILE },
        { pick: /Only specific/ },
        { type: 'cf659f7fe6164d9691b284ae36811be1' },
      ],
      { confirm: [{ match: /Change the trust/, answer: true }] },
    );
    const result = await addTrustedEnvironment(
      testContext(ui, [cloudConnection('ece', emulator.cloudUrl as string, 'ece-key', 'ece')]),
    );
    assert.equal(result.outcome, 'completed', result.report);
    const trust = emulator.state.cloud.deployments.get('dep-e')?.trust;
    assert.deepEqual(
      trust?.direct?.find((entry) => entry.name === 'My Organization'),
      {
        name: 'My Organization',
        type: 'ESS',
        scope_id: '803289842',
        certificates: [{ pem: readFileSync(CA_FILE, 'utf8') }],
        trust_all: false,
        trust_allowlist: ['cf659f7fe6164d9691b284ae36811be1'],
      },
    );
    assert.equal(
      trust?.accounts?.some((entry) => entry.account_id === '803289842'),
      false,
      'no accounts entry: on ECE it could not work',
    );
  });

  test('an ECK environment is trusted with the scope ID default.es.local (seed 004), with a note about the API description', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^e$/ },
        { pick: /self-managed or other/ },
        { type: 'quickstart' },
        { type: CA_FILE },
        { type: 'default.es.local' },
        { pick: /All of its/ },
      ],
      {
        confirm: [{ match: /Change the trust/, answer: true }],
      },
    );
    const result = await addTrustedEnvironment(
      testContext(ui, [cloudConnection('ece', emulator.cloudUrl as string, 'ece-key', 'ece')]),
    );
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(
      ui.confirmations[0].detail,
      /default\.es\.local follows the ECE ↔ ECK procedure|"default\.es\.local" follows the ECE ↔ ECK procedure/,
    );
    const added = emulator.state.cloud.deployments.get('dep-e')?.trust?.direct?.find((entry) => entry.name === 'quickstart');
    assert.equal(added?.scope_id, 'default.es.local');
    assert.equal(added?.type, 'generic');
  });

  test("the environment is picked from the coordinator's trust relationships (not the local one)", async () => {
    const ui = new ScriptedFlowUi(
      [{ pick: /^e$/ }, { pick: /ECE environment/ }, { pick: /^Second ECE$/ }, { pick: /All of its/ }],
      { confirm: [{ match: /Change the trust/, answer: true }] },
    );
    const result = await addTrustedEnvironment(
      testContext(ui, [cloudConnection('ece', emulator.cloudUrl as string, 'ece-key', 'ece')]),
    );
    assert.equal(result.outcome, 'completed', result.report);
    assert.deepEqual(ui.shown[2].labels, ['Second ECE']);
    const trust = emulator.state.cloud.deployments.get('dep-e')?.trust;
    assert.deepEqual(trust?.external, [{ trust_relationship_id: 'env-2', trust_all: true }]);
    assert.equal(trust?.accounts?.length, 1, 'the default organization entry is kept');
  });
});

describe('scope IDs of direct trust entries', () => {
  test('lowercase letters and digits pass silently; the ECK scope default.es.local passes with a note', () => {
    assert.deepEqual(scopeIdProblem('803289842'), {});
    const eck = scopeIdProblem('default.es.local');
    assert.equal(eck.problem, undefined);
    assert.match(eck.note ?? '', /ECE ↔ ECK/);
  });

  test('uppercase, underscores, leading dots and more than 32 characters are refused', () => {
    for (const value of ['DC1', 'dc_1', '.es.local', 'a'.repeat(33), '']) assert.ok(scopeIdProblem(value).problem, value);
  });
});

describe('Trust inside an Elastic Cloud organization: version policy and narrowing (seed 003)', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'newer', version: '8.17.0' },
        { name: 'older', version: '8.10.4' },
      ],
      cloud: {
        apiKeys: ['org-key'],
        accountId: 'org-9',
        deployments: [
          { id: 'dep-new', name: 'newer', cluster: 'newer', clusterId: X_ID },
          { id: 'dep-old', name: 'older', cluster: 'older', clusterId: Y_ID },
        ],
      },
    });
    saved = [cloudConnection('cloud', emulator.cloudUrl as string, 'org-key')];
  });
  after(() => emulator.stop());

  test('specific deployments outside the search version policy are named and need a "Trust Anyway"; narrowing "all" is spelled out', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^Organization org-9/ },
        { pick: /Change which clusters/ },
        { pick: /Only specific/ },
        { pickMany: [/^older$/] },
        { type: '' },
        // Declined: the same choice comes back.
        { pickMany: [/^older$/] },
        { type: '' },
      ],
      {
        confirm: [
          { match: /outside the cross-cluster search version policy/, answer: false },
          { match: /outside the cross-cluster search version policy/, answer: true },
          { match: /Change this trust of deployment "newer"\?/, answer: true },
        ],
      },
    );
    const result = await editTrust(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-new' });
    assert.equal(result.outcome, 'completed', result.report);
    const [declined, accepted, change] = ui.confirmations;
    assert.equal(declined.answer, false);
    assert.match(accepted.detail, /"newer" searching "older": 8\.17\.0 can search remotes of 8\.16 or later, not 8\.10\.4/);
    assert.doesNotMatch(accepted.detail, /"older" searching "newer"/, 'an older local may search a newer remote');
    assert.match(accepted.detail, /only for cross-cluster replication/);
    assert.match(
      change.detail,
      /This narrows the trust from all deployments to the listed ones: every other deployment, and every deployment created later/,
    );
    assert.deepEqual(emulator.state.cloud.deployments.get('dep-new')?.trust.accounts, [
      { account_id: 'org-9', trust_all: false, trust_allowlist: [Y_ID] },
    ]);
    assert.match(result.report, /changing it does not change the trust of existing deployments/);
    assert.match(result.report, /February 2021/);
  });

  test('compatible versions pass without a question', async () => {
    emulator.state.cloud.deployments.get('dep-old')!.trust = { accounts: [{ account_id: 'org-9', trust_all: true }] };
    const ui = new ScriptedFlowUi(
      [
        { pick: /^Organization org-9/ },
        { pick: /Change which clusters/ },
        { pick: /Only specific/ },
        { pickMany: [/^newer$/] },
        { type: '' },
      ],
      { confirm: [{ match: /Change this trust of deployment "older"\?/, answer: true }] },
    );
    const result = await editTrust(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-old' });
    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(ui.confirmations.length, 1);
  });
});
