import type { SettingDef } from '../../catalog/settingsCatalog';
import { closestMatch } from '../../suggest';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { literal, replaceValueEdit } from './edits';
import { occurrencesByDefinition } from '../../model/remoteAliases';

/** Time values: a number with a unit; `-1` and `0` need none. */
const TIME = /^(-1|0|\d+(\.\d+)?(nanos|micros|ms|s|m|h|d))$/i;
const BYTES = /^(-1|0|\d+(\.\d+)?\s*(b|kb|mb|gb|tb|pb))$/i;
const SCALAR_TYPES = new Set(['int', 'boolean', 'enum', 'time', 'byte-size']);
const PORT_RANGE = /^\d+\s*-\s*\d+$/;
const INTEGER = /^-?\d+$/;
const DIGITS = /^\d+$/;
const ZERO_OR_MINUS_ONE = /^(-1|0)$/;
/** Unquoted YAML 1.1 booleans besides true / false. */
const YAML_BOOLEAN_WORD = /^(yes|no|on|off)$/i;

interface Problem {
  message: string;
  suggestion?: string;
}

/**
 * A value of the wrong type or outside the range the catalog gives: integers with min/max
 * (`remote_cluster.port`, keep-alive seconds, connection counts), booleans, enums, time values and
 * byte sizes. `mode` has its own rule.
 */
export const invalidValue: ScopeRule = {
  id: 'invalid-value',
  severity: 'error',
  title: 'Value of the wrong type or out of range (ports, keep-alive seconds, booleans, enums, time values)',
  reference: [35, 36],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      if (!SCALAR_TYPES.has(def.type) || def.key === 'cluster.remote.<alias>.mode') continue;
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        const value = occurrence.value;
        if (value.kind === 'map' || (value.kind === 'scalar' && value.value === null)) continue;
        if (value.kind === 'list') {
          report({ message: `\`${occurrence.key}\` takes a single value, not a list.`, span: value.span });
          continue;
        }
        const problem = problemOf(def, occurrence.key, (value.text ?? '').trim(), document.format === 'yaml' && !value.quoted);
        if (!problem) continue;
        const { suggestion } = problem;
        const typed = def.type === 'boolean' ? suggestion === 'true' : def.type === 'int' ? Number(suggestion) : suggestion;
        const replacement = suggestion === undefined ? undefined : literal(typed ?? null, document.format);
        report({
          message: problem.message,
          span: value.span,
          fixes:
            replacement !== undefined
              ? [
                  {
                    title: `Change to '${suggestion}'`,
                    edits: [replaceValueEdit(document, occurrence, replacement)],
                    isPreferred: true,
                  },
                ]
              : undefined,
        });
      }
    }
  },
};

/** The problem of a value, if any; `name` (the setting's key) is only quoted into a message when there is one. */
function problemOf(def: SettingDef, name: string, text: string, plainYaml: boolean): Problem | undefined {
  switch (def.type) {
    case 'int': {
      if (def.key === 'remote_cluster.port' && PORT_RANGE.test(text)) {
        return { message: `\`${name}\` takes one port, not a range like \`${text}\`.`, suggestion: text.split('-')[0].trim() };
      }
      if (!INTEGER.test(text)) return { message: `\`${name}\` expects a whole number, not \`${text}\`.` };
      const n = Number(text);
      const allowed = def.min !== undefined && def.max !== undefined ? ` Allowed: ${def.min} to ${def.max}.` : '';
      if (def.min !== undefined && n < def.min)
        return { message: `\`${name}\` must be at least ${def.min}; Elasticsearch rejects \`${text}\`.${allowed}` };
      if (def.max !== undefined && n > def.max)
        return { message: `\`${name}\` must be at most ${def.max}; Elasticsearch rejects \`${text}\`.${allowed}` };
      return undefined;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return undefined;
      // Elasticsearch reads YAML 1.1, where an unquoted yes/no/on/off already is a boolean.
      if (plainYaml && YAML_BOOLEAN_WORD.test(text)) return undefined;
      return {
        message: `\`${name}\` is \`true\` or \`false\`, not \`${text}\`.`,
        suggestion: closestMatch(lower, ['true', 'false']),
      };
    }
    case 'enum': {
      const values = def.values ?? [];
      const lower = text.toLowerCase();
      if (values.some((v) => v.toLowerCase() === lower)) return undefined;
      return {
        message: `\`${name}\` takes ${values.map((v) => `\`${v}\``).join(', ')}; \`${text}\` is not one of them.`,
        suggestion: closestMatch(text, values),
      };
    }
    case 'time':
      if (!TIME.test(text)) {
        const bare = DIGITS.test(text);
        return {
          message: `\`${name}\` is a time value with a unit, such as \`30s\` or \`5m\`; \`${text}\` ${bare ? 'has no unit' : 'is not one'}.`,
          suggestion: bare ? `${text}s` : undefined,
        };
      }
      if (def.key === 'cluster.remote.initial_connect_timeout' && ZERO_OR_MINUS_ONE.test(text)) {
        return { message: `\`${name}\` must be a positive time value such as \`30s\`.` };
      }
      return undefined;
    case 'byte-size':
      return BYTES.test(text)
        ? undefined
        : { message: `\`${name}\` is a byte size with a unit, such as \`64kb\` or \`1mb\`, not \`${text}\`.` };
    default:
      return undefined;
  }
}
