import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { literal, replaceValueEdit } from './edits';
import { flaggedAddresses, occurrencesByDefinition, valueContentSpan } from '../../model/remoteAliases';

/** A comma or blank: more than one address in the value. */
const LIST_SEPARATOR = /[,\s]/;

export const addressNotSingle: ScopeRule = {
  id: 'address-not-single',
  severity: 'error',
  title: '`proxy_address` given as a list or several addresses in one value',
  reference: [18],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      if (def.type !== 'address') continue;
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        const value = occurrence.value;
        const items = value.kind === 'list' ? (value.items ?? []) : [];
        const text = value.kind === 'scalar' ? (value.text ?? '') : '';
        if (value.kind !== 'list' && !LIST_SEPARATOR.test(text.trim())) continue;
        const single = items.length === 1 && items[0].kind === 'scalar' ? (items[0].text ?? '') : undefined;
        report({
          message: `\`${occurrence.key.split('.').pop()}\` takes exactly one \`host:port\`, not a list. To connect through several addresses, use one load balancer address here, or sniff mode with \`seeds\`.`,
          span: value.kind === 'list' ? value.span : valueContentSpan(value),
          fixes:
            single !== undefined
              ? [
                  {
                    title: `Change to '${single}'`,
                    edits: [replaceValueEdit(document, occurrence, literal(single, document.format))],
                    isPreferred: true,
                  },
                ]
              : undefined,
        });
      }
    }
    // A seed entry with spaces holds several addresses: separate them as list items.
    const addresses = flaggedAddresses(scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      if (address.parsed.ok || address.parsed.kind !== 'list' || address.occurrence.resolved.def?.type !== 'address-list')
        continue;
      report({
        message: `\`${address.text}\` holds several addresses in one entry. Write each seed as its own list item (or separate them with commas).`,
        span: address.span,
      });
    }
  },
};
