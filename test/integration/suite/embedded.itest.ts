import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IntegrationTest } from './index';
import { codeOf, ourDiagnostics, waitFor, workspaceFile } from './support';

/** Settings embedded in another file: a Helm values file whose `esConfig` holds elasticsearch.yml. */
export const tests: IntegrationTest[] = [
  {
    name: 'a Helm values esConfig block shows the squiggle on the misspelt mode, and its quick fix keeps the block',
    fn: async () => {
      const uri = workspaceFile('search-values.yaml');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostic = await waitFor('the mode-invalid diagnostic', () =>
        ourDiagnostics(uri).find((d) => codeOf(d) === 'mode-invalid'),
      );
      assert.deepEqual(
        [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character],
        [4, 30, 35],
      );
      assert.equal(document.getText(diagnostic.range), 'proxi');

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(5, 26),
      );
      const hoverText = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      assert.match(hoverText, /proxy_address/);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
      );
      const fix = actions.find((a) => a.title === "Change to 'proxy'");
      assert.ok(fix?.edit, `fix offered; got: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.lineAt(4).text, '    cluster.remote.east.mode: proxy');
      await waitFor('the diagnostic to clear', () => ourDiagnostics(uri).every((d) => codeOf(d) !== 'mode-invalid'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  },
];
