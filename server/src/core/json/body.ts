import { printParseErrorCode, type Node as JsonNode } from 'jsonc-parser';
import type { ConsoleRequest } from '../console/parse';
import type { RouteMatch } from '../console/routes';
import type { ClusterSettingsState, SettingsScope } from '../model/settingsScope';
import { JSON_SYNTAX_RULE_ID } from '../parserFindings';
import type { Finding, Span } from '../types';
import type { JsonBodyKind, JsonBodyVariant } from './kinds';
import { childObject } from './jsonAst';
import { parseJsonText, type ParsedJson } from './parseJson';

/**
 * One JSON request body or payload: a whole `.json` file, or the body of one Console request.
 * Node offsets are document offsets, so every feature reports at the right place in either case.
 */
export interface JsonBody {
  kind: JsonBodyKind;
  variant?: JsonBodyVariant;
  /** jsonc-parser's tree, in document offsets; the properties of `persistent`/`transient` are parsed when first read (parseJson.ts). */
  root?: JsonNode;
  /** Where the body sits in the document. */
  span: Span;
  /** The text that was parsed (Console `"""` strings already turned into JSON strings; same length). */
  text: string;
  /** The Console request carrying this body, with what its path told us. */
  request?: ConsoleRequest & { match: RouteMatch };
  /** `persistent` / `transient` settings blocks of a `_cluster/settings` body. */
  scopes: SettingsScope[];
  syntaxErrors: Finding[];
  /** Offset in `text` of the first syntax error, whoever reports it; undefined when the text is well-formed. */
  firstSyntaxError?: number;
  /**
   * VS Code's JSON language validates this document with our contributed schema (a `.json`
   * editor document named by the schema convention): the server then leaves schema checks,
   * schema completion and schema hover to it and adds only its own semantic checks.
   */
  schemaFromEditor: boolean;
  /** VS Code's JSON language already reports syntax errors and duplicate keys of this document. */
  syntaxFromEditor: boolean;
  /** Too deeply nested to parse: no tree, and the schema service (which recurses too) is not run on it. */
  tooDeep?: boolean;
  /** Console files, from the second `PUT _cluster/settings` on: what the earlier accepted requests stored. */
  clusterStateBefore?: ClusterSettingsState;
}

export interface BodyOptions {
  kind: JsonBodyKind;
  variant?: JsonBodyVariant;
  request?: JsonBody['request'];
  schemaFromEditor: boolean;
  syntaxFromEditor: boolean;
}

/** Said instead of a parse error when the parser ran out of stack: where that happens varies from run to run. */
export const JSON_TOO_DEEP_MESSAGE =
  'This JSON is nested too deeply to be parsed, so nothing in it was checked. Flatten the deepest objects or arrays.';

/** Builds the body for `text`, the part of the document at `span` (parsed here unless given, with document offsets). */
export function parseBody(
  text: string,
  span: Span,
  options: BodyOptions,
  parsed: ParsedJson = parseJsonText(text, span.start),
): JsonBody {
  const { root, errors } = parsed;
  const syntaxErrors: Finding[] = parsed.tooDeep
    ? [
        {
          ruleId: 'json-syntax',
          severity: 'error',
          message: JSON_TOO_DEEP_MESSAGE,
          span: { start: span.start, end: span.start + Math.min(1, text.length) },
        },
      ]
    : options.syntaxFromEditor
      ? []
      : errors.map((error) => ({
          ruleId: JSON_SYNTAX_RULE_ID,
          severity: 'error' as const,
          message: `JSON syntax error: ${printParseErrorCode(error.error)}`,
          span: { start: span.start + error.offset, end: span.start + error.offset + Math.max(1, error.length) },
        }));
  const scopes: SettingsScope[] = [];
  if (options.kind === 'cluster-settings' && root?.type === 'object') {
    for (const persistence of ['persistent', 'transient'] as const) {
      // The last block of each name, as Elasticsearch reads a key written twice.
      const block = childObject(root, persistence);
      const scope = block && parsed.settingsBlocks.get(block);
      if (scope) scopes.push(scope);
    }
  }
  return {
    kind: options.kind,
    variant: options.variant,
    root,
    span,
    text,
    request: options.request,
    scopes,
    syntaxErrors,
    tooDeep: parsed.tooDeep,
    firstSyntaxError: parsed.tooDeep
      ? 0
      : errors.reduce<number | undefined>(
          (first, error) => (first === undefined || error.offset < first ? error.offset : first),
          undefined,
        ),
    schemaFromEditor: options.schemaFromEditor,
    syntaxFromEditor: options.syntaxFromEditor,
  };
}

/** The body whose span contains the offset (the end counts, for completion at the closing brace). */
export function bodyAt(bodies: readonly JsonBody[] | undefined, offset: number): JsonBody | undefined {
  return bodies?.find((body) => offset >= body.span.start && offset <= body.span.end);
}
