import type { JsonBody } from '../../json/body';
import type { JsonBodyKind } from '../../json/kinds';
import type { ConfigDocument } from '../../model/configDocument';
import { parseVersion, type Version } from '../../version';
import type { DocumentRule, DocumentRuleContext } from '../rule';

/**
 * A rule about one kind of JSON body. It runs on `.json` documents of that kind and on every
 * Console request body of that kind, with the same code.
 */
export interface BodyRuleContext extends DocumentRuleContext {
  body: JsonBody;
  /** The configured stack version; undefined when unknown (version rules then stay silent). */
  stackVersion?: Version;
}

export interface BodyRuleDefinition extends Omit<DocumentRule, 'kinds' | 'check'> {
  bodyKinds: readonly JsonBodyKind[];
  check(context: BodyRuleContext): void;
}

export function bodyRule(definition: BodyRuleDefinition): DocumentRule {
  const { bodyKinds, check, ...rest } = definition;
  return {
    ...rest,
    kinds: [...bodyKinds, 'console'],
    check(context) {
      const stackVersion = parseVersion(context.options.stackVersion);
      for (const body of bodiesOf(context.document, bodyKinds)) check({ ...context, body, stackVersion });
    },
  };
}

export function bodiesOf(document: ConfigDocument, kinds: readonly JsonBodyKind[]): JsonBody[] {
  return (document.bodies ?? []).filter((body) => kinds.includes(body.kind));
}

/** `line N` (1-based) of an offset, for messages that point elsewhere in the file. */
export function lineOf(document: ConfigDocument, offset: number): number {
  return document.lines.positionAt(offset).line + 1;
}
