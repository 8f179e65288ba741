import type { Fix } from '../../types';

/** Elastic Cloud Hosted / ECE remote-clusters and keystore payloads. */

export const CREDENTIALS_NAME = /^cluster\.remote\.([a-z0-9_-]+)\.credentials$/;

export function renameFix(keyNodeOffset: number, keyLength: number, name: string, title: string, preferred = true): Fix {
  return {
    title,
    edits: [{ span: { start: keyNodeOffset + 1, end: keyNodeOffset + keyLength - 1 }, newText: name }],
    isPreferred: preferred,
  };
}
