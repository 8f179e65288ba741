import { isNullValue } from '../../model/settingsScope';
import { closestMatch } from '../../suggest';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { literal, replaceValueEdit } from './edits';
import { remoteAliases } from '../../model/remoteAliases';

export const modeInvalid: ScopeRule = {
  id: 'mode-invalid',
  severity: 'error',
  title: '`mode` is neither `sniff` nor `proxy`',
  reference: [6],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (remote.mode) continue;
      const occurrence = remote.bySuffix.get('mode');
      if (!occurrence || isNullValue(occurrence.value)) continue;
      const written = occurrence.value.kind === 'scalar' ? (occurrence.value.text ?? '') : '';
      const suggestion = written ? closestMatch(written.toLowerCase(), ['sniff', 'proxy']) : undefined;
      report({
        message:
          `\`${written || occurrence.value.kind}\` is not a connection mode: \`mode\` takes \`sniff\` (connect to nodes discovered from \`seeds\`) or \`proxy\` (connect through \`proxy_address\`).` +
          (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
        span: occurrence.value.span,
        fixes: suggestion
          ? [
              {
                title: `Change to '${suggestion}'`,
                edits: [replaceValueEdit(document, occurrence, literal(suggestion, document.format))],
                isPreferred: true,
              },
            ]
          : undefined,
      });
    }
  },
};
