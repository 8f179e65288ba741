/**
 * The "Elastic Remote Clusters" log channel: one line per API request (method, URL, status, time)
 * plus warnings. Every line passes through the shared SecretRedactor, and request bodies and
 * headers are never logged, so API keys and passwords cannot end up here.
 */
import * as vscode from 'vscode';
import { formatRequestLine, type RequestLogEntry, type RequestLogger } from './api/http';
import { SecretRedactor } from './api/redact';

export interface ExtensionLog extends RequestLogger, vscode.Disposable {
  readonly redactor: SecretRedactor;
  info(message: string): void;
  error(message: string): void;
  show(): void;
}

export const LOG_CHANNEL_NAME = 'Elastic Remote Clusters';

export function createExtensionLog(): ExtensionLog {
  const channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const redactor = new SecretRedactor();
  const clean = (message: string) => redactor.scrub(message);
  return {
    redactor,
    request(entry: RequestLogEntry) {
      const line = clean(formatRequestLine(entry));
      if (entry.error) channel.warn(line);
      else channel.info(line);
    },
    info: (message) => channel.info(clean(message)),
    warn: (message) => channel.warn(clean(message)),
    error: (message) => channel.error(clean(message)),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
