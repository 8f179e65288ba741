/**
 * Secrets in a real VS Code: connections are saved with a password and with an API key, both are
 * used, and a cross-cluster key is created and opened in an editor through the real document
 * path. Afterwards the outer harness (test/integration/vscode.test.ts) searches the whole
 * user-data folder and the extension host's log for every secret the run used. This module does
 * the editor half, and proves that the folder searched is where VS Code backs up unsaved editors:
 * an untitled editor's text shows up there within seconds, so a key put into one would too.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { FlowResult } from '../../../client/src/flows/changes';
import type { FlowUi } from '../../../client/src/flows/ui';
import { READ_ONLY_SCHEME } from '../../../client/src/readOnlyDocuments';
import { ScriptedFlowUi, type Answer, type Reply } from '../../unit/client/flows/support';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints, filesHolding, waitFor } from './support';

/** Scripted answers, but documents open in the real editor, as the user would see them. */
class ScriptedUiWithRealDocuments extends ScriptedFlowUi {
  constructor(
    private readonly real: FlowUi,
    answers: Answer[],
    options: { confirm?: Array<Reply<boolean>>; notify?: Array<Reply<string | undefined>> },
  ) {
    super(answers, options);
  }

  override async openReadOnly(title: string, content: string): Promise<void> {
    await super.openReadOnly(title, content);
    await this.real.openReadOnly(title, content);
  }
}

export const tests: IntegrationTest[] = [
  {
    name: 'an encoded key opened in an editor is a read-only document that VS Code never backs up',
    fn: async () => {
      const endpoints = emulatorEndpoints();
      const userData = process.env.ERC_USER_DATA_DIR;
      assert.ok(endpoints?.restApiKey, 'the harness gave the emulator a REST API key');
      assert.ok(userData, 'the harness names the user-data folder (ERC_USER_DATA_DIR)');
      const { connections, flows } = (await activatedExtension()).exports as ExtensionApi;

      // The control: an ordinary untitled editor is backed up into the folder that is searched.
      const canary = `erc-itest-backup-canary-${Date.now()}`;
      const scratch = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
      const scratchEditor = await vscode.window.showTextDocument(scratch);
      await scratchEditor.edit((edit) => edit.insert(new vscode.Position(0, 0), canary));
      await waitFor(
        'VS Code to back up the untitled editor',
        () => (filesHolding(userData, canary).length ? true : undefined),
        60000,
      );

      const withPassword = await connections.store.add(
        {
          name: 'itest secrets password',
          kind: 'elasticsearch',
          url: endpoints.clusters.remote.url,
          auth: 'basic',
          username: endpoints.username,
        },
        { password: endpoints.password },
      );
      const withApiKey = await connections.store.add(
        { name: 'itest secrets api key', kind: 'elasticsearch', url: endpoints.clusters.local.url, auth: 'apiKey' },
        { apiKey: endpoints.restApiKey },
      );
      try {
        // The API key is used in a request, so it passes through the request log.
        const tested = await vscode.commands.executeCommand<{ version?: string } | undefined>(
          'elasticRemoteClusters.testConnection',
          withApiKey.id,
        );
        assert.ok(tested, 'the API-key connection works');

        const ui = new ScriptedUiWithRealDocuments(
          flows.realUi,
          [{ type: 'itest-secrets-key' }, { type: 'logs-*' }, { type: '' }, { type: '' }],
          {
            confirm: [{ match: /^Create this key\?/, answer: true }],
            notify: [
              { match: /was created\. Take its encoded value now/, answer: 'Copy Encoded Key' },
              { match: /was created\. Take its encoded value now/, answer: 'Open in Editor' },
              { match: /was created\. Take its encoded value now/, answer: undefined },
            ],
          },
        );
        flows.useUi(ui);
        let result: FlowResult;
        try {
          result = await vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.createCrossClusterApiKey', {
            connectionId: withPassword.id,
          });
        } finally {
          flows.useUi(undefined);
        }
        assert.equal(result.outcome, 'completed', result.report);
        const encoded = ui.clipboard[0];
        assert.ok(encoded, 'the key was handed over');

        // A second change to the untitled editor is backed up after the key was shown: had the key
        // been in an untitled editor too, it would have been written by now.
        const again = await vscode.window.showTextDocument(scratch);
        await again.edit((edit) => edit.insert(new vscode.Position(0, 0), `${canary}-again `));
        await waitFor('the second backup', () => (filesHolding(userData, `${canary}-again`).length ? true : undefined), 60000);
        assert.deepEqual(filesHolding(userData, encoded), [], 'no file in the user-data folder holds the key');
        const shown = vscode.workspace.textDocuments.find((document) => document.getText() === encoded);
        assert.ok(shown, 'the key is shown in an editor');
        assert.equal(shown.uri.scheme, READ_ONLY_SCHEME);
        assert.equal(shown.isUntitled, false);
        assert.equal(shown.isDirty, false);
        assert.ok(
          !shown.uri.toString().includes(encoded) && !shown.fileName.includes(encoded),
          'the title does not hold the key',
        );
      } finally {
        for (const profile of [withPassword, withApiKey]) await connections.store.remove(profile.id);
        await vscode.window.showTextDocument(scratch);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    },
  },
];
