/**
 * The README's screenshots, taken in the real editor by `npm run screenshots` (which sets
 * ERC_SCREENSHOT_DIR and runs only this module). Each scene puts the workbench in a state a user
 * sees, prints `##SCREENSHOT <name>`, and waits until the harness has saved the picture. In the
 * ordinary test run this module has no tests.
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { IntegrationTest } from './index';
import { activatedExtension, codeOf, emulatorEndpoints, ourDiagnostics, waitFor, workspaceFile } from './support';

const DIR = process.env.ERC_SCREENSHOT_DIR;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function screenshot(name: string): Promise<void> {
  assert.ok(DIR);
  const file = join(DIR, `${name}.png`);
  rmSync(file, { force: true });
  await pause(700); // let hovers, lists and animations settle
  console.log(`##SCREENSHOT ${name}`);
  await waitFor(`the screenshot ${name}`, () => existsSync(file), 20000);
}

async function openExample(): Promise<vscode.TextEditor> {
  const uri = workspaceFile('elasticsearch.yml');
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await waitFor('the diagnostics', () => ourDiagnostics(uri).find((d) => codeOf(d) === 'unknown-setting'));
  return editor;
}

const scenes: IntegrationTest[] = [
  {
    name: 'diagnostics and a quick fix',
    fn: async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const editor = await openExample();
      const diagnostic = ourDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'unknown-setting');
      assert.ok(diagnostic);
      editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await screenshot('quick-fix');
      await vscode.commands.executeCommand('hideCodeActionWidget');
    },
  },
  {
    name: 'hover',
    fn: async () => {
      const editor = await openExample();
      await vscode.commands.executeCommand('workbench.action.closePanel');
      editor.selection = new vscode.Selection(new vscode.Position(4, 24), new vscode.Position(4, 24));
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshot('hover');
      await vscode.commands.executeCommand('editor.action.hideHover');
    },
  },
  {
    name: 'completion',
    fn: async () => {
      // An untitled copy: the workspace file itself is never edited.
      const example = await vscode.workspace.openTextDocument(workspaceFile('elasticsearch.yml'));
      const document = await vscode.workspace.openTextDocument({
        language: 'yaml',
        content: `${example.getText()}\ncluster.remote.west.`,
      });
      const editor = await vscode.window.showTextDocument(document);
      const position = document.lineAt(document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(position, position);
      await waitFor('the diagnostics', () => (ourDiagnostics(document.uri).length ? true : undefined));
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await pause(500);
      await screenshot('completion');
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
  {
    name: 'the Remote Clusters view and a flow step',
    fn: async () => {
      const endpoints = emulatorEndpoints();
      assert.ok(endpoints?.cloudUrl && endpoints.cloudApiKey);
      const { connections, remoteClustersView } = (await activatedExtension()).exports as ExtensionApi;
      const saved = [
        await connections.store.add(
          {
            name: 'search-prod (local)',
            kind: 'elasticsearch',
            url: endpoints.clusters.local.url,
            auth: 'basic',
            username: endpoints.username,
          },
          { password: endpoints.password },
        ),
        await connections.store.add(
          {
            name: 'logs-eu (remote)',
            kind: 'elasticsearch',
            url: endpoints.clusters.remote.url,
            auth: 'basic',
            username: endpoints.username,
          },
          { password: endpoints.password },
        ),
        await connections.store.add(
          { name: 'Elastic Cloud', kind: 'cloud', url: endpoints.cloudUrl, auth: 'apiKey' },
          { apiKey: endpoints.cloudApiKey },
        ),
      ];
      try {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('workbench.view.extension.elasticRemoteClusters');
        await remoteClustersView.children();
        await screenshot('remote-clusters-view');
        // The first step of Add Remote Cluster, in the real quick input.
        void vscode.commands.executeCommand('elasticRemoteClusters.addRemoteCluster');
        await pause(1500);
        await screenshot('add-remote-cluster');
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      } finally {
        for (const profile of saved) await connections.store.remove(profile.id);
      }
    },
  },
];

export const tests: IntegrationTest[] = DIR ? scenes : [];
