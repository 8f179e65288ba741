import type { Node as JsonNode } from 'jsonc-parser';
import type { BaseDocument, ConfigDocument } from '../model/configDocument';
import { parseBody } from './body';
import { parseEditedJson } from './jsonEdit';
import { editableParse, parseJsonText } from './parseJson';
import { kindFromFileName, recogniseJson } from './kinds';

/**
 * A `.json`/`.jsonc` file: one body. The file name convention (`*.trust.json`, …) decides its
 * kind when it matches; otherwise the content does. Anything else is `unrelated` and stays silent.
 * `previous`, the parse of the version this text replaces, is reused when the edit lies inside a
 * settings block (jsonEdit.ts); it must not be used afterwards.
 */
export function parseJsonDocument(base: BaseDocument, languageId: string | undefined, previous?: ConfigDocument): ConfigDocument {
  const inJsonEditor = languageId === 'json' || languageId === 'jsonc';
  const byName = kindFromFileName(base.uri);
  const parsed = parseEditedJson(previous?.jsonRoot, base.text) ?? parseJsonText(base.text);
  const byContent = recogniseJson(parsed.root);
  const recognised = byName ? { kind: byName, variant: byContent?.kind === byName ? byContent.variant : undefined } : byContent;
  if (!recognised) return unrelated(base, parsed.root);

  const body = parseBody(
    base.text,
    { start: 0, end: base.text.length },
    {
      kind: recognised.kind,
      variant: recognised.variant,
      // VS Code applies our contributed schema only to JSON editor documents named by the convention.
      schemaFromEditor: inJsonEditor && byName !== undefined,
      syntaxFromEditor: inJsonEditor,
    },
    parsed,
  );
  // A `_cluster/settings` body is ours only when it touches a remote-cluster setting (or is named so);
  // each key's namespace was worked out when it was resolved.
  if (
    recognised.kind === 'cluster-settings' &&
    !byName &&
    !body.scopes.some((s) => s.occurrences.some((o) => o.resolved.namespace !== undefined))
  ) {
    return unrelated(base, body.root);
  }
  return {
    ...base,
    format: 'json',
    kind: recognised.kind,
    scopes: body.scopes,
    syntaxErrors: body.syntaxErrors,
    jsonRoot: body.root,
    bodies: [body],
  };
}

function unrelated(base: BaseDocument, root: JsonNode | undefined): ConfigDocument {
  return { ...base, format: 'json', kind: 'unrelated', scopes: [], syntaxErrors: [], jsonRoot: root };
}

/** Whether the next version's parse can be made from this document's by an edit. */
export function isEditableJson(document: ConfigDocument): boolean {
  return document.format === 'json' && editableParse(document.jsonRoot) !== undefined;
}
