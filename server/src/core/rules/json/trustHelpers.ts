import { type TrustEntry } from '../../json/models';
import { keyNode, spanOf } from '../../json/jsonAst';
import type { Span } from '../../types';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

export function keySpanOf(entry: TrustEntry, field: string): Span {
  const property = entry.node.children?.find((p) => p.children?.[0]?.value === field);
  const key = property ? keyNode(property) : undefined;
  return key ? spanOf(key) : { start: entry.node.offset, end: entry.node.offset + 1 };
}
