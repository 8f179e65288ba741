import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runAddConnectionWizard } from '../../../../client/src/connections/wizard';
import { ScriptedFlowUi as ScriptedUi } from '../flows/support';

const noFiles = { existingNames: [], checkCaFile: async () => undefined };

describe('Add Connection wizard', () => {
  test('Elasticsearch with URL, user and password, and a CA file: every answer lands in the profile, secrets apart', async () => {
    const ui = new ScriptedUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: 'https://10.0.0.5:9200/' },
      { pick: /User name and password/ },
      { type: 'admin' },
      { type: 's3cret pass' },
      { pick: /CA certificate file/ },
      { type: '/etc/es/http_ca.crt' },
      { type: 'es01.internal' },
      { type: 'Prod' },
    ]);
    const created = await runAddConnectionWizard(ui, noFiles);
    assert.deepEqual(created, {
      profile: {
        name: 'Prod',
        kind: 'elasticsearch',
        auth: 'basic',
        url: 'https://10.0.0.5:9200',
        username: 'admin',
        caFile: '/etc/es/http_ca.crt',
        tlsServerName: 'es01.internal',
      },
      secrets: { password: 's3cret pass' },
    });
    assert.equal(ui.shown[0].canGoBack, false, 'no Back on the first step');
    assert.ok(ui.shown.slice(1).every((step) => step.canGoBack));
    assert.deepEqual(
      ui.shown.map((step) => step.step),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    // Answers decide which steps follow, so no total is shown that a later answer would change.
    assert.ok(ui.shown.every((step) => step.totalSteps === undefined));
    assert.equal(ui.shown[4].password, true, 'the password is typed masked');
    assert.equal(ui.shown[8].value, '10.0.0.5', 'the name is suggested from the host');
  });

  test('invalid input is refused with a reason until corrected', async () => {
    const ui = new ScriptedUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: 'localhost:9200' },
      { type: 'https://user:pw@localhost:9200' },
      { type: 'http://localhost:9200' },
      { pick: /No authentication/ },
      { type: '' },
      { type: 'Local' },
    ]);
    const created = await runAddConnectionWizard(ui, noFiles);
    assert.deepEqual(ui.shown[1].rejected, [
      'Start the URL with https:// (or http:// for a cluster without TLS).',
      'Leave credentials out of the URL; the next steps ask for them.',
    ]);
    assert.deepEqual(ui.shown[3].rejected, ['Enter a name.']);
    // Plain http: no TLS step at all.
    assert.equal(ui.shown.length, 4);
    assert.deepEqual(created?.profile, { name: 'Local', kind: 'elasticsearch', auth: 'none', url: 'http://localhost:9200' });
    assert.deepEqual(created?.secrets, {});
  });

  test('Back returns to the previous step with the earlier answer filled in', async () => {
    const ui = new ScriptedUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: 'https://old.example:9200' },
      'back', // at the auth step
      { type: 'https://new.example:9200' }, // the endpoint again
      { pick: /API key/ },
      { type: 'id1:key1' },
      { pick: /system's trusted/ },
      { type: 'New' },
    ]);
    const created = await runAddConnectionWizard(ui, noFiles);
    const endpointSteps = ui.shown.filter((step) => step.text.startsWith('URL of the Elasticsearch'));
    assert.equal(endpointSteps.length, 2);
    assert.equal(endpointSteps[1].value, 'https://old.example:9200');
    assert.deepEqual(created, {
      profile: { name: 'New', kind: 'elasticsearch', auth: 'apiKey', url: 'https://new.example:9200' },
      secrets: { apiKey: 'id1:key1' },
    });
  });

  test('going back to change the kind drops answers that no longer apply', async () => {
    const ui = new ScriptedUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: 'http://localhost:9200' },
      { pick: /No authentication/ },
      'back', // name step → auth
      'back', // auth → endpoint
      'back', // endpoint → kind
      { pick: /Elastic Cloud Hosted API/ },
      { type: 'https://api.elastic-cloud.com' },
      { type: 'essu_key' },
      { pick: /system's trusted/ },
      { type: 'Cloud' },
    ]);
    const created = await runAddConnectionWizard(ui, noFiles);
    assert.deepEqual(created, {
      profile: { name: 'Cloud', kind: 'cloud', auth: 'apiKey', url: 'https://api.elastic-cloud.com' },
      secrets: { apiKey: 'essu_key' },
    });
    const cloudEndpoint = ui.shown.find((step) => step.text.startsWith('Elastic Cloud API base URL'));
    assert.equal(cloudEndpoint?.value, 'https://api.elastic-cloud.com', 'the public API is the default');
    assert.ok(
      !ui.shown.slice(6).some((step) => step.text.startsWith('How should requests authenticate')),
      'Cloud has no auth choice: API keys only',
    );
  });

  test('Elasticsearch by Cloud ID: the ID is validated and its label suggests the name', async () => {
    const cloudId = `logs-prod:${Buffer.from('us-east-1.aws.found.io$abc$def').toString('base64')}`;
    const ui = new ScriptedUi([
      { pick: /Cloud ID/ },
      { type: 'logs-prod:????' },
      { type: cloudId },
      { pick: /API key/ },
      { type: 'ApiKey abc' },
      { type: 'ZW5jb2RlZA==' },
      { pick: /system's trusted/ },
      { type: 'logs-prod' },
    ]);
    const created = await runAddConnectionWizard(ui, noFiles);
    assert.match(ui.shown[1].rejected[0], /Cloud ID/);
    assert.match(ui.shown[3].rejected[0], /without "ApiKey "/);
    assert.equal(ui.shown[5].value, 'logs-prod');
    assert.deepEqual(created?.profile, { name: 'logs-prod', kind: 'elasticsearch', auth: 'apiKey', cloudId });
  });

  test('ECE: the API port is added, the region defaults to ece-region, basic auth is offered', async () => {
    const ui = new ScriptedUi([
      { pick: /Enterprise coordinator/ },
      { type: 'https://ece.example.com' },
      { type: 'ece-region' },
      { pick: /User name and password/ },
      { type: 'admin' },
      { type: 'admin-pw' },
      { pick: /system's trusted/ },
      { type: 'ECE' },
    ]);
    const created = await runAddConnectionWizard(ui, noFiles);
    assert.equal(ui.shown[2].value, 'ece-region');
    assert.deepEqual(ui.shown[3].labels, ['API key', 'User name and password']);
    assert.deepEqual(created, {
      profile: {
        name: 'ECE',
        kind: 'ece',
        auth: 'basic',
        url: 'https://ece.example.com:12443',
        region: 'ece-region',
        username: 'admin',
      },
      secrets: { password: 'admin-pw' },
    });
  });

  test('skipping certificate verification needs an explicit confirmation; declining returns to the choice', async () => {
    const ui = new ScriptedUi(
      [
        { pick: /Elasticsearch \(URL\)/ },
        { type: 'https://lab:9200' },
        { pick: /No authentication/ },
        { pick: /Do not verify/ },
        { pick: /Do not verify/ },
        { type: 'Lab' },
      ],
      {
        confirm: [
          { match: /Skip TLS/, answer: false },
          { match: /Skip TLS/, answer: true },
        ],
      },
    );
    const created = await runAddConnectionWizard(ui, noFiles);
    assert.equal(ui.confirmations.length, 2);
    assert.match(ui.confirmations[0].message, /Skip TLS certificate verification/);
    assert.equal(
      ui.shown.filter((step) => step.text.startsWith('How should the server')).length,
      2,
      'declining asks the TLS question again',
    );
    assert.equal(created?.profile.skipTlsVerify, true);
  });

  test('a CA file that does not check out is refused', async () => {
    const ui = new ScriptedUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: 'https://es:9200' },
      { pick: /No authentication/ },
      { pick: /CA certificate file/ },
      { type: '/missing.crt' },
      { type: '/good.crt' },
      { type: '' },
      { type: 'ES' },
    ]);
    const created = await runAddConnectionWizard(ui, {
      existingNames: [],
      checkCaFile: async (path) => (path === '/good.crt' ? undefined : 'No file at this path.'),
    });
    assert.deepEqual(ui.shown[4].rejected, ['No file at this path.']);
    assert.equal(created?.profile.caFile, '/good.crt');
    assert.equal(created?.profile.tlsServerName, undefined);
  });

  test('names must be unique; the suggestion avoids taken names', async () => {
    const ui = new ScriptedUi([
      { pick: /Elasticsearch \(URL\)/ },
      { type: 'http://es:9200' },
      { pick: /No authentication/ },
      { type: 'ES' },
      { type: 'es (2)' },
    ]);
    const created = await runAddConnectionWizard(ui, { existingNames: ['es'], checkCaFile: async () => undefined });
    assert.equal(ui.shown[3].value, 'es (2)');
    assert.deepEqual(ui.shown[3].rejected, ['A connection with this name exists already.']);
    assert.equal(created?.profile.name, 'es (2)');
  });

  test('Escape at any step cancels without a result', async () => {
    assert.equal(await runAddConnectionWizard(new ScriptedUi(['cancel']), noFiles), undefined);
    assert.equal(
      await runAddConnectionWizard(
        new ScriptedUi([{ pick: /Elasticsearch \(URL\)/ }, { type: 'https://es:9200' }, { pick: /API key/ }, 'cancel']),
        noFiles,
      ),
      undefined,
    );
  });
});
