import type { DocumentRule, ScopeRule } from '../rule';
import { eckAliasManagedByRemoteClusters } from './aliasManagedByEck';
import { eckApiKeyAccess } from './apiKeyAccess';
import { eckApiKeyRemoteServer } from './apiKeyRemoteServer';
import { eckApiKeyVersion } from './apiKeyVersion';
import { eckCertificateModel } from './certificateModel';
import { eckCrossNamespaceRef } from './crossNamespaceRef';
import { eckExternalRemoteCa } from './externalRemoteCa';
import { eckManagedSettings } from './managedSettings';
import { eckNodeSetTrustConsistency } from './nodeSetTrustConsistency';
import { eckRefServiceName } from './refServiceName';
import { eckRemoteClusterName } from './remoteClusterNames';
import { eckRemoteClusterPortInConfig } from './remoteClusterPortInConfig';
import { eckRemoteClusterRef } from './remoteClusterRef';
import { eckRemoteClusterServerInConfig } from './remoteClusterServerInConfig';
import { eckRemoteClusterServerVersion } from './remoteClusterServerVersion';
import { eckRemoteClusterSettingsWithoutServer } from './remoteClusterSettingsWithoutServer';
import { eckRemovedApi } from './removedApi';
import { eckReservedSettings } from './reservedSettings';
import { eckSecretCredentialsValue } from './secretCredentialsValue';
import { eckSecureSettingsKeys } from './secureSettingsKeys';
import { eckServicePorts } from './servicePorts';
import { eckServiceTemplateOperator } from './serviceTemplateOperator';
import { eckTrustFileMounted } from './trustFileMounted';
import { eckUnknownField } from './unknownFields';
import { eckV1beta1Fields } from './v1beta1Fields';
import { eckVersionFormat } from './versionFormat';
import { eckVolumeMounts } from './volumeMounts';

/** Rules of this family, registered in ../index.ts. Scope rules run on each `nodeSets[].config`. */
export const SCOPE_RULES: readonly ScopeRule[] = [
  eckRemoteClusterServerInConfig,
  eckRemoteClusterPortInConfig,
  eckRemoteClusterSettingsWithoutServer,
  eckManagedSettings,
  eckReservedSettings,
  eckAliasManagedByRemoteClusters,
  eckExternalRemoteCa,
  eckTrustFileMounted,
];

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  eckVersionFormat,
  eckRemoteClusterServerVersion,
  eckApiKeyVersion,
  eckApiKeyRemoteServer,
  eckCertificateModel,
  eckRemoteClusterName,
  eckRemoteClusterRef,
  eckRefServiceName,
  eckApiKeyAccess,
  eckUnknownField,
  eckRemovedApi,
  eckServicePorts,
  eckServiceTemplateOperator,
  eckSecureSettingsKeys,
  eckSecretCredentialsValue,
  eckCrossNamespaceRef,
  eckV1beta1Fields,
  eckVolumeMounts,
  eckNodeSetTrustConsistency,
];
