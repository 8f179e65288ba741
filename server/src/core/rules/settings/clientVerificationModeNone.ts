import { SSL_PREFIX_CLIENT } from '../../catalog/settingsCatalog';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { literal, replaceValueEdit } from './edits';
import { occurrenceOf, occurrenceText } from '../../model/remoteAliases';

export const clientVerificationModeNone: ScopeRule = {
  id: 'client-verification-mode-none',
  severity: 'warning',
  title: '`xpack.security.remote_cluster_client.ssl.verification_mode: none`',
  reference: [39],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const occurrence = occurrenceOf(scope, `${SSL_PREFIX_CLIENT}verification_mode`);
    if (!occurrence || occurrenceText(occurrence) !== 'none') return;
    report({
      message:
        "`verification_mode: none` accepts any certificate the remote presents, so a man in the middle could collect the API keys. It is meant for support diagnostics only: use `full` (or `certificate`) and trust the remote's CA with `certificate_authorities`.",
      span: occurrence.value.span,
      fixes: [
        {
          title: "Change to 'full'",
          edits: [replaceValueEdit(document, occurrence, literal('full', document.format))],
          isPreferred: true,
        },
      ],
    });
  },
};
