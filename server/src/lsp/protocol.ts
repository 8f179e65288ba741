/**
 * Custom messages between the extension client and the language server, declared once for both
 * sides (the client imports this module by relative path). Plain types and message types only.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface DocumentStatusParams {
  uri: string;
}

export interface DocumentStatus {
  /** What the server took the document for, for people: "ECK manifest", "elasticsearch.yml", "Not about remote clusters", … */
  recognizedAs: string;
  /** The core's DocumentKind, or "not-open" when the server does not have the document. */
  kind: string;
  /** The Elasticsearch version the version-dependent rules use for this document, when known. */
  stackVersion?: string;
  /** Where that version comes from: the document itself (an ECK manifest's `spec.version`) or the editor setting. */
  stackVersionSource?: 'document' | 'setting';
  /** The `keystoreCredentialAliases` setting in effect; null when unset (model-dependent checks stay silent). */
  keystoreCredentialAliases?: string[] | null;
}

/** `elasticRemoteClusters/documentStatus`: how the server reads one open document. */
export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatus, void>(
  'elasticRemoteClusters/documentStatus',
);
