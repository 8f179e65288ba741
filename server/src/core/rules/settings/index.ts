import type { DocumentRule, ScopeRule } from '../rule';
import { addressInvalidPort } from './addressInvalidPort';
import { addressIpv4Shorthand } from './addressIpv4Shorthand';
import { addressIpv6Unbracketed } from './addressIpv6Unbracketed';
import { addressInvalidHost } from './addressInvalidHost';
import { addressMissingPort } from './addressMissingPort';
import { addressNotSingle } from './addressNotSingle';
import { addressSchemeOrPath } from './addressSchemeOrPath';
import { aliasEmpty } from './aliasEmpty';
import { aliasInvalidCharacters } from './aliasInvalidCharacters';
import { aliasUppercase } from './aliasUppercase';
import { apiKeyPortMismatch } from './apiKeyPortMismatch';
import { apiKeyVersion } from './apiKeyVersion';
import { certificateModelDeprecated } from './certificateModelDeprecated';
import { certificateModelPort } from './certificateModelPort';
import { clientSslClientAuthentication } from './clientSslClientAuthentication';
import { clientVerificationModeNone } from './clientVerificationModeNone';
import { cloudEndpointMode } from './cloudEndpointMode';
import { clusterRemoteConnect } from './clusterRemoteConnect';
import { credentialsInSettings } from './credentialsInSettings';
import { insecureSslPassword } from './insecureSslPassword';
import { invalidValue } from './invalidValue';
import { legacyRemoteClusterClientRole } from './legacyRemoteClusterClientRole';
import { legacySearchRemote } from './legacySearchRemote';
import { legacySniffProxy } from './legacySniffProxy';
import { modeInvalid } from './modeInvalid';
import { modeSettingMismatch } from './modeSettingMismatch';
import { nodeRolesMissingRemoteClient } from './nodeRolesMissingRemoteClient';
import { remoteClusterClientNoCa } from './remoteClusterClientNoCa';
import { remoteClusterServerDisabled } from './remoteClusterServerDisabled';
import { remoteClusterServerMissingCertificate } from './remoteClusterServerMissingCertificate';
import { remoteClusterServerNeedsSecurity } from './remoteClusterServerNeedsSecurity';
import { remoteClusterServerNoBindAddress } from './remoteClusterServerNoBindAddress';
import { remoteClusterSslDisabled } from './remoteClusterSslDisabled';
import { remoteIncomplete } from './remoteIncomplete';
import { remoteNotEnabled } from './remoteNotEnabled';
import { reservedTransportProfile } from './reservedTransportProfile';
import { secureSettingInSettings } from './secureSettingInSettings';
import { serverNameNotHostname } from './serverNameNotHostname';
import { serverSslVerificationMode } from './serverSslVerificationMode';
import { settingNewerThanVersion } from './settingNewerThanVersion';
import { signingConflictingSettings } from './signingConflictingSettings';
import { signingPassphraseKeyName } from './signingPassphraseKeyName';
import { signingVersion } from './signingVersion';
import { signingWithoutCredentials } from './signingWithoutCredentials';
import { skipUnavailableDefault } from './skipUnavailableDefault';
import { sslConflictingSettings } from './sslConflictingSettings';
import { staticSettingInClusterSettings } from './staticSettingInClusterSettings';
import { transientClusterSettings } from './transientClusterSettings';
import { unregisteredSetting } from './unregisteredSetting';
import { trustFileInvalid } from './trustFileInvalid';

/**
 * Rules of this family, registered in ../index.ts. Each runs on every settings scope its `origins`
 * allow: elasticsearch.yml, ECK `nodeSets[].config`, `_cluster/settings` bodies. Sections follow
 * shared/reference/validation-rules.md. Not here: rule 28 (credential value format, only visible in
 * Secrets and Cloud keystore payloads) and rule 31 (the same alias in two files, a workspace check).
 */
export const SCOPE_RULES: readonly ScopeRule[] = [
  // A. Alias and key shape
  aliasInvalidCharacters,
  aliasUppercase,
  aliasEmpty,
  unregisteredSetting,
  // B. Connection mode
  modeInvalid,
  modeSettingMismatch,
  remoteIncomplete,
  remoteNotEnabled,
  // C. Address syntax
  addressMissingPort,
  addressInvalidHost,
  addressIpv4Shorthand,
  addressInvalidPort,
  addressIpv6Unbracketed,
  addressSchemeOrPath,
  addressNotSingle,
  serverNameNotHostname,
  // D. Security model and ports
  apiKeyPortMismatch,
  certificateModelPort,
  certificateModelDeprecated,
  cloudEndpointMode,
  apiKeyVersion,
  // E. Keystore-only settings
  credentialsInSettings,
  secureSettingInSettings,
  insecureSslPassword,
  // F. Static vs dynamic (`_cluster/settings` bodies)
  staticSettingInClusterSettings,
  transientClusterSettings,
  // G. Remote cluster server
  remoteClusterServerDisabled,
  remoteClusterServerNeedsSecurity,
  reservedTransportProfile,
  invalidValue,
  remoteClusterServerNoBindAddress,
  // H. TLS on the remote cluster interface
  remoteClusterSslDisabled,
  clientVerificationModeNone,
  clientSslClientAuthentication,
  serverSslVerificationMode,
  sslConflictingSettings,
  remoteClusterServerMissingCertificate,
  remoteClusterClientNoCa,
  // I. Request signing
  signingVersion,
  signingConflictingSettings,
  signingPassphraseKeyName,
  signingWithoutCredentials,
  // J. Deprecated keys and changed defaults
  clusterRemoteConnect,
  legacySearchRemote,
  legacyRemoteClusterClientRole,
  legacySniffProxy,
  settingNewerThanVersion,
  skipUnavailableDefault,
  nodeRolesMissingRemoteClient,
];
/** trust.yml files and ConfigMap `trust.yml` keys: the file `xpack.security.transport.ssl.trust_restrictions.path` names. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [trustFileInvalid];
