import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { SecretRedactor } from '../../../../client/src/api/redact';
import { createClients } from '../../../../client/src/connections/clients';
import {
  EDIT_AGAIN,
  SAVE_ANYWAY,
  editConnection,
  type EditableConnections,
} from '../../../../client/src/connections/editConnection';
import type { ConnectionProfile, ConnectionSecrets } from '../../../../client/src/connections/profile';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { ScriptedFlowUi } from '../flows/support';
import { RecordingLogger } from '../support';

/** SecretStorage and the connections setting, in memory; records every update. */
class MemoryConnections implements EditableConnections {
  readonly updates: Array<{ id: string; profile: Omit<ConnectionProfile, 'id'>; secrets: ConnectionSecrets | undefined }> = [];
  constructor(
    public profiles: ConnectionProfile[],
    public secrets: Map<string, ConnectionSecrets>,
  ) {}
  list() {
    return this.profiles;
  }
  async hasSecret(id: string) {
    const stored = this.secrets.get(id);
    return Boolean(stored?.apiKey || stored?.password);
  }
  async secretsFor(id: string) {
    return this.secrets.get(id) ?? {};
  }
  async update(id: string, profile: Omit<ConnectionProfile, 'id'>, secrets: ConnectionSecrets | undefined) {
    this.updates.push({ id, profile, secrets });
    const saved = { id, ...profile };
    this.profiles = this.profiles.map((entry) => (entry.id === id ? saved : entry));
    if (secrets) this.secrets.set(id, secrets);
    return saved;
  }
}

describe('Edit Connection', () => {
  let emulator: RunningEmulator;
  let url: string;

  before(async () => {
    emulator = await startEmulator({ clusters: [{ name: 'local', version: '8.17.0' }] });
    url = emulator.clusterUrl('local');
  });
  after(() => emulator.stop());
  afterEach(() => emulator.faults.clear());

  const setup = (
    ui: ScriptedFlowUi,
    profile: Partial<ConnectionProfile> = {},
    secrets: ConnectionSecrets = { password: 'changeme' },
  ) => {
    const saved: ConnectionProfile = {
      id: 'local',
      name: 'Local',
      kind: 'elasticsearch',
      url,
      auth: 'basic',
      username: 'elastic',
      ...profile,
    };
    const store = new MemoryConnections(
      [saved, { id: 'other', name: 'Other', kind: 'elasticsearch', url, auth: 'none' }],
      new Map([['local', secrets]]),
    );
    const logger = new RecordingLogger();
    const lines: string[] = [];
    const dependencies = {
      ui,
      store,
      checkCaFile: async () => undefined,
      open: async (candidate: ConnectionProfile, candidateSecrets: ConnectionSecrets) =>
        createClients(candidate, candidateSecrets, { logger, redactor: new SecretRedactor() }),
      log: (line: string) => lines.push(line),
    };
    return { saved, store, dependencies, lines, logger };
  };

  test('every step is pre-filled; keeping the password saves the changes without touching the stored secret', async () => {
    const ui = new ScriptedFlowUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: url },
      { pick: /User name and password/ },
      { type: 'elastic' },
      { pick: /Keep the current password/ },
      { type: 'Local (renamed)' },
    ]);
    const { saved, store, dependencies } = setup(ui);
    const result = await editConnection(dependencies, saved);
    assert.equal(result.outcome, 'saved');
    assert.deepEqual(
      ui.shown.map((step) => step.active ?? step.value),
      ['Elasticsearch (URL)', url, 'User name and password', 'elastic', 'Keep the current password', 'Local'],
    );
    assert.deepEqual(ui.shown[0].labels, ['Elasticsearch (URL)', 'Elasticsearch (Cloud ID)'], 'the kind of endpoint stays');
    assert.equal(ui.shown[0].title, 'Edit Elastic Connection');
    assert.ok(!ui.shown.some((step) => step.password), 'no secret is asked for');
    assert.deepEqual(store.updates, [
      {
        id: 'local',
        profile: { name: 'Local (renamed)', kind: 'elasticsearch', auth: 'basic', url, username: 'elastic' },
        secrets: undefined,
      },
    ]);
    assert.deepEqual(store.secrets.get('local'), { password: 'changeme' });
    assert.match(
      ui.notices.at(-1)?.message ?? '',
      /Connection "Local \(renamed\)" saved\. Connected to .*Elasticsearch 8\.17\.0.*The stored secret was kept\./,
    );
  });

  test('a name another connection has is refused; its own name is fine', async () => {
    const ui = new ScriptedFlowUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: url },
      { pick: /User name and password/ },
      { type: 'elastic' },
      { pick: /Keep/ },
      { type: 'other' },
      { type: 'Local' },
    ]);
    const { saved, dependencies } = setup(ui);
    assert.equal((await editConnection(dependencies, saved)).outcome, 'saved');
    assert.deepEqual(ui.shown.at(-1)?.rejected, ['A connection with this name exists already.']);
  });

  test('a refused API key is explained as an API-key problem; Edit Again keeps the answers and a good key is saved', async () => {
    const key = emulator.state.cluster('local').issueApiKey({
      name: 'vscode',
      type: 'rest',
      owner: 'elastic',
      roles: ['superuser'],
      metadata: {},
    });
    const ui = new ScriptedFlowUi(
      [
        { pick: /Elasticsearch \(URL\)/ },
        { type: url },
        { pick: /^API key/ },
        { type: 'bm90LWEta2V5Om5vcGU=' },
        { type: 'Local' },
        // Edit Again: the answers are back, the wrong key too (masked), to be replaced.
        { pick: /Elasticsearch \(URL\)/ },
        { type: url },
        { pick: /^API key/ },
        { type: key.encoded },
        { type: 'Local' },
      ],
      { notify: [{ match: /does not work/, answer: EDIT_AGAIN }] },
    );
    const { saved, store, dependencies, lines } = setup(ui);
    const result = await editConnection(dependencies, saved);
    assert.equal(result.outcome, 'saved');
    const failure = ui.notices.find((notice) => notice.modal);
    assert.match(
      failure?.message ?? '',
      /"Local" was refused \(401\): the API key is invalid, expired or invalidated \(revoked\)/,
    );
    assert.deepEqual(failure?.actions, [EDIT_AGAIN, SAVE_ANYWAY]);
    assert.equal(ui.shown[7].active, 'API key', 'the second round starts from the first answers');
    assert.equal(ui.shown[8].password, true);
    assert.equal(ui.shown[8].value, 'bm90LWEta2V5Om5vcGU=', 'the typed key comes back masked, to be corrected');
    assert.equal(store.updates.length, 1, 'only the working version is saved');
    assert.deepEqual(store.secrets.get('local'), { apiKey: key.encoded });
    assert.equal(store.profiles[0].auth, 'apiKey');
    assert.equal(store.profiles[0].username, undefined, 'the user name of basic authentication is gone');
    assert.ok(!JSON.stringify([ui.visibleText(), lines]).includes(key.encoded), 'the key is never shown or logged');
  });

  test('a wrong password is explained as a user/password problem; Save Anyway saves, cancelling saves nothing', async () => {
    const answers = [
      { pick: /Elasticsearch \(URL\)/ },
      { type: url },
      { pick: /User name and password/ },
      { type: 'elastic' },
      { pick: /Enter a new password/ },
      { type: 'wrong' },
      { type: 'Local' },
    ];
    const cancelUi = new ScriptedFlowUi(answers, { notify: [{ match: /does not work/, answer: undefined }] });
    const first = setup(cancelUi);
    assert.equal((await editConnection(first.dependencies, first.saved)).outcome, 'cancelled');
    assert.match(cancelUi.notices[0].message, /the user name "elastic" or its password is wrong/);
    assert.equal(first.store.updates.length, 0);
    assert.deepEqual(first.store.secrets.get('local'), { password: 'changeme' }, 'the stored password is untouched');

    const ui = new ScriptedFlowUi(answers, { notify: [{ match: /does not work/, answer: SAVE_ANYWAY }] });
    const second = setup(ui);
    const result = await editConnection(second.dependencies, second.saved);
    assert.equal(result.outcome, 'saved');
    assert.equal(result.outcome === 'saved' && result.tested, false);
    assert.deepEqual(second.store.secrets.get('local'), { password: 'wrong' });
    assert.match(ui.notices.at(-1)?.message ?? '', /saved without a working test/);
  });

  test('an unreachable cluster offers Save Anyway too; a connection without a stored secret must type one', async () => {
    emulator.faults.status(503, { server: 'local', path: '/' });
    const ui = new ScriptedFlowUi(
      [
        { pick: /Elasticsearch \(URL\)/ },
        { type: url },
        { pick: /User name and password/ },
        { type: 'elastic' },
        { type: 'changeme' },
        { type: 'Local' },
      ],
      { notify: [{ match: /does not work/, answer: SAVE_ANYWAY }] },
    );
    const { saved, store, dependencies } = setup(ui, {}, {});
    const result = await editConnection(dependencies, saved);
    assert.equal(result.outcome, 'saved');
    assert.equal(ui.shown[4].password, true, 'with nothing stored, the password is asked for at once');
    assert.deepEqual(store.secrets.get('local'), { password: 'changeme' });
  });
});
