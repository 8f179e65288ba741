import type { DocumentRule, ScopeRule } from '../rule';
import { eckAliasAlsoInRemoteClusters } from './eckAliasAlsoInRemoteClusters';
import { eckApiKeyAccess } from './eckApiKeyAccess';
import { eckApiKeyRemoteWithoutServer } from './eckApiKeyRemoteWithoutServer';
import { eckApiKeyVersion } from './eckApiKeyVersion';
import { eckCertificateModelDeprecated } from './eckCertificateModelDeprecated';
import { eckCrossNamespaceRemote } from './eckCrossNamespaceRemote';
import { eckExternalRemoteCa } from './eckExternalRemoteCa';
import { eckManagedSetting } from './eckManagedSetting';
import { eckTrustSettingNotInEveryNodeset } from './eckTrustSettingNotInEveryNodeset';
import { eckRemoteClusterServiceNameIgnored } from './eckRemoteClusterServiceNameIgnored';
import { eckRemoteClusterName } from './eckRemoteClusterName';
import { eckRemoteClusterPort } from './eckRemoteClusterPort';
import { eckRemoteClusterWithoutRef } from './eckRemoteClusterWithoutRef';
import { eckRemoteClusterServerInConfig } from './eckRemoteClusterServerInConfig';
import { eckRemoteClusterServerVersion } from './eckRemoteClusterServerVersion';
import { eckRemoteClusterSettingsWithoutServer } from './eckRemoteClusterSettingsWithoutServer';
import { eckRemovedApi } from './eckRemovedApi';
import { eckReservedSetting } from './eckReservedSetting';
import { eckSecretCredentialsValue } from './eckSecretCredentialsValue';
import { eckSecureSettingsCredentialsKey } from './eckSecureSettingsCredentialsKey';
import { eckServiceTargetPort } from './eckServiceTargetPort';
import { eckRemoteClusterServiceOperatorVersion } from './eckRemoteClusterServiceOperatorVersion';
import { eckTrustFileKeyMissing } from './eckTrustFileKeyMissing';
import { eckTrustFileNotMounted } from './eckTrustFileNotMounted';
import { eckUnknownField } from './eckUnknownField';
import { eckV1beta1Field } from './eckV1beta1Field';
import { eckVersionFormat } from './eckVersionFormat';
import { eckVolumeMountWithoutVolume } from './eckVolumeMountWithoutVolume';

/** Rules of this family, registered in ../index.ts. Scope rules run on each `nodeSets[].config`. */
export const SCOPE_RULES: readonly ScopeRule[] = [
  eckRemoteClusterServerInConfig,
  eckRemoteClusterPort,
  eckRemoteClusterSettingsWithoutServer,
  eckManagedSetting,
  eckReservedSetting,
  eckAliasAlsoInRemoteClusters,
  eckExternalRemoteCa,
  eckTrustFileNotMounted,
  eckTrustFileKeyMissing,
];

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  eckVersionFormat,
  eckRemoteClusterServerVersion,
  eckApiKeyVersion,
  eckApiKeyRemoteWithoutServer,
  eckCertificateModelDeprecated,
  eckRemoteClusterName,
  eckRemoteClusterWithoutRef,
  eckRemoteClusterServiceNameIgnored,
  eckApiKeyAccess,
  eckUnknownField,
  eckRemovedApi,
  eckServiceTargetPort,
  eckRemoteClusterServiceOperatorVersion,
  eckSecureSettingsCredentialsKey,
  eckSecretCredentialsValue,
  eckCrossNamespaceRemote,
  eckV1beta1Field,
  eckVolumeMountWithoutVolume,
  eckTrustSettingNotInEveryNodeset,
];
