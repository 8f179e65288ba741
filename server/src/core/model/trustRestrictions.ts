import { isMap, isScalar, isSeq, parseDocument, type Pair } from 'yaml';
import { DOCS } from '../catalog/settingsCatalog';
import type { Severity, Span } from '../types';
import { nodeSpan, scalarText } from '../eck/yamlAst';

/**
 * The trust restrictions file of the certificate model (`trust.yml`, named by
 * `xpack.security.transport.ssl.trust_restrictions.path`). Elasticsearch reads it as settings
 * (Settings.loadFromPath: a YAML map, flat or nested keys) and takes the list
 * `trust.subject_name`: subject names or patterns (`*` wildcards, `/regex/`). A peer whose
 * certificate matches none is refused on every transport connection, this cluster's own nodes
 * included (RestrictedTrustConfig and RestrictedTrustManager in elastic/elasticsearch).
 */

export const TRUST_FILE_NAME_PATTERN = /^trust\.ya?ml$/i;
export const SUBJECT_NAME_KEY = 'trust.subject_name';

export function isTrustYmlName(uri: string): boolean {
  return TRUST_FILE_NAME_PATTERN.test(decodeURIComponent(uri.split(/[\\/]/).pop() ?? ''));
}

/**
 * Whether a text named trust.yml is Elasticsearch's trust restrictions and not some other tool's
 * file of that name: it has a top-level `trust` key (flat `trust.…` or nested `trust:`). Other
 * files named trust.yml are left alone, so nothing is said about them.
 */
export function looksLikeTrustRestrictions(text: string): boolean {
  // A new file, empty or with the first key half typed, is one too (completion offers the key).
  const started = text.replace(/#.*$/gm, '').trim();
  return started === '' || SUBJECT_NAME_KEY.startsWith(started) || /^["']?trust(?:\.|["']?\s*:)/m.test(text);
}

export interface TrustProblem {
  severity: Severity;
  message: string;
  /** Where, when the problem has a place in the parsed text. */
  span?: Span;
}

/** The problems Elasticsearch would have with a parsed trust.yml root (`undefined` for an empty file). */
export function trustRestrictionsProblems(root: unknown, rootSpan: Span): TrustProblem[] {
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    return [{ severity: 'error', message: emptyMessage('The file is empty'), span: rootSpan }];
  }
  if (!isMap(root)) {
    return [
      {
        severity: 'error',
        message: `Elasticsearch reads trust.yml as settings: it must be a map with \`${SUBJECT_NAME_KEY}: [...]\`, and refuses to start otherwise.`,
        span: nodeSpan(root) ?? rootSpan,
      },
    ];
  }
  const entries = flatEntries(root);
  const problems: TrustProblem[] = [];
  const seen = new Map<string, Pair>();
  for (const entry of entries) {
    const earlier = seen.get(entry.key);
    if (earlier) {
      // Elasticsearch's YAML reader detects duplicate keys; not in our reference notes, so a warning.
      problems.push({
        severity: 'warning',
        message: `\`${entry.key}\` is written twice; Elasticsearch's settings reader refuses duplicate keys, and the node would not start.`,
        span: entry.keySpan,
      });
    }
    seen.set(entry.key, entry.pair);
  }
  const subject = entries.find((entry) => entry.key === SUBJECT_NAME_KEY);
  if (!subject) {
    const others = entries.map((entry) => `\`${entry.key}\``).join(', ');
    return [
      ...problems,
      {
        severity: 'error',
        message: emptyMessage(
          `There is no \`${SUBJECT_NAME_KEY}\`${others ? ` (only ${others}, which Elasticsearch ignores)` : ''}`,
        ),
        span: entries[0]?.keySpan ?? rootSpan,
      },
    ];
  }
  const value = subject.pair.value;
  const valueSpan = nodeSpan(value) ?? subject.keySpan;
  if (isSeq(value)) {
    const nonScalar = value.items.find((item) => !isScalar(item));
    if (nonScalar) {
      problems.push({
        severity: 'error',
        message: `Every entry of \`${SUBJECT_NAME_KEY}\` must be a plain name or pattern; Elasticsearch refuses lists of maps or lists ("only value lists are allowed in serialized settings").`,
        span: nodeSpan(nonScalar) ?? valueSpan,
      });
    } else if (value.items.every((item) => !scalarText(item)?.trim())) {
      problems.push({ severity: 'error', message: emptyMessage(`\`${SUBJECT_NAME_KEY}\` is empty`), span: valueSpan });
    }
  } else if (isMap(value)) {
    problems.push({
      severity: 'error',
      message: emptyMessage(`\`${SUBJECT_NAME_KEY}\` is a map, not a list of names`),
      span: valueSpan,
    });
  } else if (!scalarText(value)?.trim()) {
    problems.push({ severity: 'error', message: emptyMessage(`\`${SUBJECT_NAME_KEY}\` has no value`), span: valueSpan });
  }
  return problems;
}

function emptyMessage(what: string): string {
  return `${what}: with no subject name to match, Elasticsearch refuses every transport connection, even between this cluster's own nodes. List the names or patterns to trust under \`${SUBJECT_NAME_KEY}\` (ECE offers the file for download when you trust an environment).`;
}

interface FlatEntry {
  key: string;
  keySpan: Span;
  pair: Pair;
}

/** `a: {b: x}` and `a.b: x` both as `a.b`, the way Elasticsearch flattens settings. Lists are leaves. */
function flatEntries(map: unknown, prefix = '', depth = 0): FlatEntry[] {
  if (!isMap(map) || depth > 20) return [];
  const entries: FlatEntry[] = [];
  for (const pair of map.items as Pair[]) {
    const name = scalarText(pair.key);
    const keySpan = nodeSpan(pair.key);
    if (name === undefined || !keySpan) continue;
    const key = prefix + name;
    if (isMap(pair.value) && key !== SUBJECT_NAME_KEY) entries.push(...flatEntries(pair.value, `${key}.`, depth + 1));
    else entries.push({ key, keySpan, pair });
  }
  return entries;
}

/** Problems of a trust.yml held as text (a ConfigMap value), without positions. Never throws. */
export function trustRestrictionsTextProblems(text: string): TrustProblem[] {
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) {
      return [
        { severity: 'error', message: 'The trust.yml text is not valid YAML; Elasticsearch cannot read it and does not start.' },
      ];
    }
    return trustRestrictionsProblems(doc.contents, { start: 0, end: 0 }).map(({ span: _span, ...rest }) => rest);
  } catch {
    return [];
  }
}

/** Hover text for `trust.subject_name` (or its parts) in a trust.yml. */
export function describeSubjectName(): string {
  return [
    `**\`${SUBJECT_NAME_KEY}\`**`,
    '',
    'The certificate subject names this node accepts on the transport interface, as a list. Entries may be exact names, wildcard patterns (`*.ece.local`) or `/regular expressions/`. They are matched against the `otherName` common name of Elastic node certificates (see `xpack.security.transport.ssl.trust_restrictions.x509_fields`).',
    '',
    "Every transport connection is checked, including those between this cluster's own nodes: on ECK, list a pattern for this cluster's node certificates too (`*.node.<name>.<namespace>.es.local`, or the scope ID you gave ECE, such as `*.default.es.local`).",
    '',
    `[Elastic documentation](${DOCS.eceEckCertificates})`,
  ].join('\n');
}
