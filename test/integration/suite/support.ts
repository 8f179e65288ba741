/** Helpers shared by the in-editor test modules (*.itest.ts). */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'elastic-remote-clusters.elastic-remote-clusters';
export const SOURCE = 'elastic-remote-clusters';

/**
 * Endpoints of the local API emulator the outer harness started for this run (see
 * test/integration/vscode.test.ts), or undefined when it did not start one.
 */
export interface EmulatorEndpoints {
  /** Elasticsearch clusters by name: URL, and the basic-auth user the emulator accepts. */
  clusters: Record<string, { url: string }>;
  cloudUrl?: string;
  username: string;
  password: string;
  cloudApiKey?: string;
  /** `id:key` of a REST API key with superuser rights on the "local" cluster. */
  restApiKey?: string;
}

export function emulatorEndpoints(): EmulatorEndpoints | undefined {
  const raw = process.env.ERC_EMULATOR;
  return raw ? (JSON.parse(raw) as EmulatorEndpoints) : undefined;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  if (!extension.isActive) await extension.activate();
  return extension;
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function filesBelow(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(folder, name);
    try {
      return statSync(full).isDirectory() ? filesBelow(full) : [full];
    } catch {
      return [];
    }
  });
}

/** Files below `folder` whose bytes contain `text` (the user-data checks for secrets). */
export function filesHolding(folder: string, text: string): string[] {
  return filesBelow(folder).filter((file) => {
    try {
      return readFileSync(file).includes(text);
    } catch {
      return false;
    }
  });
}
