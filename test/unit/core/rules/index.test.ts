/**
 * Finding the code behind a diagnostic takes no search: every rule lives alone in
 * rules/<family>/<camelCaseOfId>.ts and is exported under that same name.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { DOCUMENT_RULES, SCOPE_RULES } from '../../../../server/src/core/rules';

/** The compiled rules folder (this test runs from out/test/unit/core/rules). */
const RULES_DIR = join(__dirname, '..', '..', '..', '..', 'server', 'src', 'core', 'rules');

function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

function moduleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return moduleFiles(full);
    return name.endsWith('.js') ? [full] : [];
  });
}

function isRule(value: unknown): value is { id: string; check: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    typeof (value as { check?: unknown }).check === 'function'
  );
}

/** Every exported rule object of every module under rules/, with where it came from. */
function exportedRules(): Array<{ file: string; name: string; rule: { id: string } }> {
  return moduleFiles(RULES_DIR).flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.entries(require(file) as Record<string, unknown>).flatMap(([name, value]) =>
      isRule(value) ? [{ file, name, rule: value }] : [],
    ),
  );
}

describe('rule names', () => {
  const registered = [...SCOPE_RULES, ...DOCUMENT_RULES];
  const exported = exportedRules();

  test('name each rule file and its exported constant after the rule id', () => {
    const wrong = exported
      .filter(({ file, name, rule }) => basename(file, '.js') !== camelCase(rule.id) || name !== camelCase(rule.id))
      .map(({ file, name, rule }) => `${relative(RULES_DIR, file)} exports ${name} with id ${rule.id}`);
    assert.deepEqual(wrong, []);
  });

  test('put one rule in each file', () => {
    const byFile = new Map<string, string[]>();
    for (const { file, rule } of exported) byFile.set(file, [...(byFile.get(file) ?? []), rule.id]);
    const crowded = [...byFile]
      .filter(([, ids]) => ids.length > 1)
      .map(([file, ids]) => `${relative(RULES_DIR, file)}: ${ids.join(', ')}`);
    assert.deepEqual(crowded, []);
  });

  test('register every rule that has a file, and have a file for every registered rule', () => {
    const fromFiles = new Set(exported.map(({ rule }) => rule));
    assert.deepEqual(
      registered.filter((rule) => !fromFiles.has(rule)).map((rule) => rule.id),
      [],
      'registered rules without their own file',
    );
    const registeredSet = new Set<object>(registered);
    assert.deepEqual(
      exported.filter(({ rule }) => !registeredSet.has(rule)).map(({ rule }) => rule.id),
      [],
      'rule files nobody registers',
    );
    assert.equal(new Set(registered.map((rule) => rule.id)).size, registered.length, 'ids are unique');
  });
});
