/**
 * VS Code's own JSON language server (the json-language-features extension's server), as the
 * integration-test host installs it: code-server 4.100.3 ships VS Code 1.100's built-in extensions
 * (scripts/setup-vscode-host.mjs). This module starts it the way VS Code's JSON client does and
 * makes the requests a JSON editor makes, so the benchmark can compare with the server a user has
 * anyway on the same `_cluster/settings` body.
 *
 * What VS Code does, from the client of that version (extensions/json-language-features/client/src
 * /jsonClient.ts in microsoft/vscode, and vscode-languageclient, which it bundles):
 * - it forks the server over node-ipc in the editor's own Node; here it runs over stdio
 *   (`--stdio`, which its createConnection() reads from argv) in the benchmark's Node, like our
 *   server, so both are measured on the same runtime and transport;
 * - initializationOptions: handledSchemaProtocols ['file'], provideFormatter false, a range
 *   formatting edit limit of 10,000;
 * - then didChangeConfiguration with the `json` and `http` settings at their defaults, and the
 *   schema associations contributed by the built-in extensions (json/schemaAssociations);
 * - diagnostics are pulled: the client announces textDocument.diagnostic, so the server answers
 *   textDocument/diagnostic (validating at once) instead of pushing after its 500 ms delay, and the
 *   client pulls right after each open and change notification;
 * - per version the editor then asks, with its default settings, for document symbols (outline,
 *   breadcrumbs, sticky scroll), folding ranges (folding), document colors (color decorators) and
 *   document links (links). Code actions are not asked for: the server offers only a "source"
 *   kind (sort), which the light bulb does not request. Hover, completion and selection ranges
 *   wait for the user.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentColorRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol';
import type { StdioServer } from './stdioClient';

const VSCODE_DIR = resolve(__dirname, '..', '..', '..', 'test', 'vscode-host', 'node_modules', 'code-server', 'lib', 'vscode');
const JSON_SERVER = join(VSCODE_DIR, 'extensions', 'json-language-features', 'server', 'dist', 'node', 'jsonServerMain.js');

/** The client capabilities VS Code's language client announces that this server or its language service reads. */
export const VSCODE_CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    foldingRange: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        preselectSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
      },
      insertTextMode: 2,
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    codeAction: { dynamicRegistration: true, isPreferredSupport: true, dataSupport: true },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, labelSupport: true },
    rangeFormatting: { dynamicRegistration: true },
    colorProvider: { dynamicRegistration: true },
    documentLink: { dynamicRegistration: true, tooltipSupport: true },
    foldingRange: { dynamicRegistration: true, rangeLimit: 5000, lineFoldingOnly: true },
    selectionRange: { dynamicRegistration: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
};

/** VS Code's version, when its JSON server is installed. */
export function vscodeJsonServerVersion(): string | undefined {
  if (!existsSync(JSON_SERVER)) return undefined;
  try {
    return (JSON.parse(readFileSync(join(VSCODE_DIR, 'product.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The schema associations VS Code sends (jsonClient.ts getSchemaExtensionAssociations): every
 * built-in extension's `jsonValidation` contribution, file patterns made absolute, relative schema
 * URLs resolved against the extension. None matches the benchmark's file; they are sent so the
 * server is configured as in VS Code.
 */
function builtInSchemaAssociations(): Array<{ fileMatch: string[]; uri: string }> {
  const extensionsDir = join(VSCODE_DIR, 'extensions');
  const associations: Array<{ fileMatch: string[]; uri: string }> = [];
  for (const name of readdirSync(extensionsDir)) {
    const manifestPath = join(extensionsDir, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      contributes?: { jsonValidation?: Array<{ fileMatch?: string | string[]; url?: string }> };
    };
    for (const { fileMatch, url } of manifest.contributes?.jsonValidation ?? []) {
      if (typeof url !== 'string' || fileMatch === undefined) continue;
      const uri = url.startsWith('./') ? pathToFileURL(join(extensionsDir, name, url)).href : url;
      const patterns = (Array.isArray(fileMatch) ? fileMatch : [fileMatch]).map((pattern) =>
        pattern.startsWith('%')
          ? pattern
              .replace(/%APP_SETTINGS_HOME%/, '/User')
              .replace(/%MACHINE_SETTINGS_HOME%/, '/Machine')
              .replace(/%APP_WORKSPACES_HOME%/, '/Workspaces')
          : /^(\w+:\/\/|\/|!)/.test(pattern)
            ? pattern
            : `/${pattern}`,
      );
      associations.push({ fileMatch: patterns, uri });
    }
  }
  return associations;
}

/** VS Code's JSON server as VS Code starts and uses it; undefined when code-server is not installed. */
export function vscodeJsonServer(): StdioServer | undefined {
  const version = vscodeJsonServerVersion();
  if (!version) return undefined;
  // jsonClient.ts getSettings() with every setting at its default; the limits are one more than
  // the setting, so the client can tell when a limit was reached. editor.colorDecoratorsLimit is 500.
  const settings = {
    http: { proxy: '', proxyStrictSSL: true },
    json: {
      validate: { enable: true },
      format: { enable: true },
      keepLines: { enable: false },
      schemas: [],
      resultLimit: 5001,
      jsonFoldingLimit: 5001,
      jsoncFoldingLimit: 5001,
      jsonColorDecoratorLimit: 501,
      jsoncColorDecoratorLimit: 501,
    },
  };
  return {
    name: `VS Code ${version} JSON server`,
    command: [JSON_SERVER, '--stdio'],
    capabilities: VSCODE_CLIENT_CAPABILITIES,
    initializationOptions: {
      handledSchemaProtocols: ['file'],
      provideFormatter: false,
      customCapabilities: { rangeFormatting: { editLimit: 10000 } },
    },
    settings,
    // Schemas the server cannot read itself are asked of the client; the benchmark has no network.
    requestHandlers: {
      'vscode/content': () => {
        throw new Error('the benchmark does not download schemas');
      },
    },
    afterInitialized: [{ method: 'json/schemaAssociations', params: builtInSchemaAssociations() }],
    perVersion: (client, uri) => {
      const textDocument = { uri };
      return Promise.all([
        client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
        client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
        client.connection.sendRequest(DocumentColorRequest.type, { textDocument }),
        client.connection.sendRequest(DocumentLinkRequest.type, { textDocument }),
      ]);
    },
  };
}
