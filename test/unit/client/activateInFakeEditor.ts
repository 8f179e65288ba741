/**
 * Not a test file: run as a child process by exports.test.ts. Loads the built extension bundle
 * (dist/client.js) with a stand-in for the `vscode` module, activates it once per extension
 * mode, and prints which top-level names `activate` returned for each. The stand-in answers
 * every API call with another stand-in, so activation runs its real code path; the language
 * server module points nowhere, so no server process is started.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Any property is another stand-in, any call returns one; call results can be awaited (to undefined). */
function standIn(thenable = false): unknown {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return thenable ? (resolveWith: (value: unknown) => void) => resolveWith(undefined) : undefined;
      if (property === Symbol.toPrimitive) return () => '';
      if (property === Symbol.iterator) return function* () {};
      return standIn();
    },
    apply: () => standIn(true),
    construct: () => standIn() as object,
  });
}

function fakeVscode(): Record<string, unknown> {
  // Every name the API declares, so bundlers' namespace copies see them.
  const declarations = readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const api: Record<string, unknown> = {};
  for (const match of declarations.matchAll(/^\s{0,4}export (?:class|enum|namespace|const|function|let) ([A-Za-z_]+)/gm))
    api[match[1]] = standIn();
  api.version = '1.100.3';
  api.ExtensionMode = { Production: 1, Development: 2, Test: 3 };
  return api;
}

async function main(): Promise<void> {
  const vscode = fakeVscode();
  const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  // The language client's own start-up failure surfaces as unhandled rejections; they are not what is tested.
  process.on('unhandledRejection', () => undefined);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, loaded as VS Code loads it
  const extension = require(join(ROOT, 'dist', 'client.js')) as { activate(context: unknown): Promise<unknown> };
  const report: Record<string, string[] | null> = {};
  for (const [name, mode] of Object.entries(vscode.ExtensionMode as Record<string, number>)) {
    const context = {
      extensionMode: mode,
      subscriptions: [],
      asAbsolutePath: (relative: string) => join('/nonexistent-extension-root', relative),
      secrets: standIn(),
      globalState: standIn(),
      workspaceState: standIn(),
      extensionUri: standIn(),
    };
    const exported = await extension.activate(context);
    report[name] = exported && typeof exported === 'object' ? Object.keys(exported).sort() : null;
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
