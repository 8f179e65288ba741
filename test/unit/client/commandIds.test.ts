/**
 * The command ids in client/src/commandIds.ts agree with package.json and with the code: every
 * contributed command is registered exactly once, every registered one is contributed (or known as
 * internal), and no module spells an id out instead of using the constants.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { COMMANDS, INTERNAL_COMMANDS } from '../../../client/src/commandIds';
import { ITEM_ACTIONS } from '../../../client/src/views/actions';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const CLIENT = join(ROOT, 'client', 'src');

const contributed = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string }> } }
).contributes.commands.map((entry) => entry.command);

function sources(folder: string): Array<{ path: string; text: string }> {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [{ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

/** The ids each registerCommand call in the client registers (the view's item actions are registered in a loop). */
function registeredIds(): string[] {
  const ids: string[] = [];
  for (const { text } of sources(CLIENT)) {
    for (const match of text.matchAll(/registerCommand\(\s*([^,]+),/g)) {
      const expression = match[1].trim();
      const constant = /^(COMMANDS|INTERNAL_COMMANDS)\.(\w+)$/.exec(expression);
      if (constant) {
        const table: Record<string, string> = constant[1] === 'COMMANDS' ? COMMANDS : INTERNAL_COMMANDS;
        assert.ok(constant[2] in table, `${expression} is declared`);
        ids.push(table[constant[2]]);
      } else if (expression === 'ITEM_ACTIONS[action].command') {
        ids.push(...Object.values(ITEM_ACTIONS).map((action) => action.command));
      } else {
        assert.fail(`registerCommand with ${expression}: use an id from client/src/commandIds.ts`);
      }
    }
  }
  return ids;
}

describe('command ids', () => {
  test('package.json contributes exactly the ids in COMMANDS, each once, and none of the internal ones', () => {
    assert.equal(new Set(contributed).size, contributed.length, 'no command is contributed twice');
    assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort());
    for (const internal of Object.values(INTERNAL_COMMANDS))
      assert.ok(!contributed.includes(internal), `${internal} stays out of the Command Palette`);
  });

  test('every command is registered exactly once, and only declared ids are registered', () => {
    const registered = registeredIds();
    const all = [...Object.values(COMMANDS), ...Object.values(INTERNAL_COMMANDS)];
    for (const id of all) assert.equal(registered.filter((candidate) => candidate === id).length, 1, `${id} is registered once`);
    assert.equal(registered.length, all.length, 'no stale registrations');
  });

  test('no client module writes a command id out as a string', () => {
    const ids = new Set([...Object.values(COMMANDS), ...Object.values(INTERNAL_COMMANDS)]);
    for (const { path, text } of sources(CLIENT)) {
      if (path.endsWith('commandIds.ts')) continue;
      for (const literal of text.matchAll(/'(elasticRemoteClusters\.[\w.]+)'/g))
        assert.ok(!ids.has(literal[1] as never), `${path} spells out ${literal[1]}`);
    }
  });
});
