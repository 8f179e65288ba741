import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { SERVER_EXEC_ARGV } from '../../../client/src/serverProcess';
import type { IntegrationTest } from './index';
import { EXTENSION_ID, codeOf, ourDiagnostics, waitFor, workspaceFile } from './support';

/** The command lines (arguments) of this extension host's child processes that run dist/server.js, read from /proc. */
function languageServerCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the second field after the parenthesised command name, which may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((arg) => arg.endsWith('server.js'))) lines.push(args);
    } catch {
      // The process ended while being read.
    }
  }
  return lines;
}

export const tests: IntegrationTest[] = [
  {
    name: 'opening an elasticsearch.yml activates the extension and shows the unknown-key diagnostic',
    fn: async () => {
      const uri = workspaceFile('elasticsearch.yml');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
      await waitFor('extension activation', () => extension.isActive);
      const diagnostic = await waitFor('the unknown-setting diagnostic', () =>
        ourDiagnostics(uri).find((d) => codeOf(d) === 'unknown-setting'),
      );
      assert.match(diagnostic.message, /Did you mean `proxy_address`\?/);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(diagnostic.range.start.line, 3);
      assert.equal(document.getText(diagnostic.range), 'proxy_adress');
    },
  },
  {
    name: 'the language server process runs with the Node flags the extension starts it with',
    skip: () => (existsSync('/proc/self/stat') ? undefined : 'needs /proc to read the server process command line'),
    fn: async () => {
      // The test above started the server; its diagnostics came from this process.
      const [commandLine] = await waitFor('the language server process', () => {
        const found = languageServerCommandLines();
        return found.length ? found : undefined;
      });
      for (const flag of SERVER_EXEC_ARGV) assert.ok(commandLine.includes(flag), `${flag} in ${commandLine.join(' ')}`);
    },
  },
  {
    name: 'hover on a key explains the setting',
    fn: async () => {
      const uri = workspaceFile('elasticsearch.yml');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(4, 24),
      );
      const text = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      assert.match(text, /cluster\.remote\.west\.server_name/);
      assert.match(text, /SNI/);
    },
  },
  {
    name: 'completion offers remote-cluster keys for the alias in use',
    fn: async () => {
      const uri = workspaceFile('elasticsearch.yml');
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\ncluster.remote.west.'));
      const position = document.lineAt(document.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        position,
      );
      const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
      // The list shows what is left to type; the whole key is what the typed text is matched against.
      const keys = list.items.map((item) => item.filterText ?? labelOf(item));
      assert.ok(keys.includes('cluster.remote.west.skip_unavailable'), `keys: ${keys.slice(0, 20).join(', ')}`);
      assert.ok(list.items.some((item) => labelOf(item) === 'skip_unavailable'));
      assert.ok(!keys.includes('cluster.remote.west.mode'), 'keys already set are not offered again');
      await vscode.commands.executeCommand('undo');
    },
  },
  {
    name: 'the quick fix renames the misspelt key and the diagnostic goes away',
    fn: async () => {
      const uri = workspaceFile('elasticsearch.yml');
      const document = await vscode.workspace.openTextDocument(uri);
      const diagnostic = await waitFor('the diagnostic', () => ourDiagnostics(uri).find((d) => codeOf(d) === 'unknown-setting'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
      );
      const fix = actions.find((a) => a.title === "Change to 'proxy_address'");
      assert.ok(fix?.edit, `fix offered; got: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.lineAt(3).text, /^cluster\.remote\.west\.proxy_address: /);
      await waitFor('the diagnostic to clear', () => ourDiagnostics(uri).every((d) => codeOf(d) !== 'unknown-setting'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  },
  {
    name: 'an unrelated YAML file gets nothing from us',
    fn: async () => {
      const uri = workspaceFile('values.yaml');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(1, 0),
      );
      assert.ok(
        !list.items.some((item) =>
          String(typeof item.label === 'string' ? item.label : item.label.label).startsWith('cluster.remote'),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(ourDiagnostics(uri), []);
    },
  },
  {
    name: 'the Show Language Server Status command reports a running server',
    fn: async () => {
      const status = await vscode.commands.executeCommand<{ running: boolean; serverName?: string }>(
        'elasticRemoteClusters.showServerStatus',
      );
      assert.equal(status.running, true);
      assert.equal(status.serverName, 'elastic-remote-clusters');
    },
  },
];

tests.push(
  {
    name: 'a Console request file gets its language and the body checks chosen by its request line',
    fn: async () => {
      const uri = workspaceFile('requests.es');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'elasticsearch-console');
      const diagnostic = await waitFor('the mode mismatch diagnostic', () =>
        ourDiagnostics(uri).find((d) => codeOf(d) === 'mode-setting-mismatch'),
      );
      assert.equal(diagnostic.range.start.line, 5);
      assert.match(document.getText(diagnostic.range), /seeds/);
    },
  },
  {
    name: 'a *.trust.json file is validated once: by VS Code with our schema, plus our semantic checks',
    fn: async () => {
      const uri = workspaceFile('prod.trust.json');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const schemaProblem = await waitFor('VS Code JSON schema diagnostic', () =>
        vscode.languages
          .getDiagnostics(uri)
          .find((d) => d.source !== 'elastic-remote-clusters' && /trust_alowlist/.test(document.getText(d.range))),
      );
      assert.ok(schemaProblem);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const ours = ourDiagnostics(uri).filter((d) => codeOf(d) === 'json-schema');
      assert.deepEqual(ours, [], 'no second schema diagnostic from our server');
    },
  },
);
