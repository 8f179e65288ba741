import type { Result } from '#core';

/**
 * Elastic Cloud IDs: `<label>:<base64 of "host[:port]$elasticsearch-uuid[:port]$kibana-uuid[:port]">`.
 * The Elasticsearch endpoint is `https://<elasticsearch-uuid>.<host>[:port]`; the port defaults
 * to 443. This is the layout the official Elasticsearch clients decode.
 */

export interface DecodedCloudId {
  label: string;
  host: string;
  elasticsearchUuid: string;
  kibanaUuid?: string;
  /** `https://<uuid>.<host>` with the port only when it is not 443. */
  elasticsearchUrl: string;
  kibanaUrl?: string;
}

export type CloudIdResult = Result<DecodedCloudId>;

export function decodeCloudId(cloudId: string): CloudIdResult {
  const text = cloudId.trim();
  if (text === '') return { ok: false, problem: 'The Cloud ID is empty.' };
  // The label may itself contain colons; base64 never does, so the payload follows the last one.
  const colon = text.lastIndexOf(':');
  const label = colon >= 0 ? text.slice(0, colon) : '';
  const payload = colon >= 0 ? text.slice(colon + 1) : text;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(payload)) {
    return {
      ok: false,
      problem:
        'The Cloud ID does not look right: the part after the last ":" must be base64. Copy it again from the deployment page.',
    };
  }
  const decoded = Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  const parts = decoded.split('$');
  if (parts.length < 2 || parts.some((part, index) => index < 2 && part.trim() === '')) {
    return {
      ok: false,
      problem: 'The Cloud ID does not decode to a host and an Elasticsearch ID. Copy it again from the deployment page.',
    };
  }
  const [hostPart, esPart, kibanaPart] = parts.map((part) => part.trim());
  const hostSplit = splitPort(hostPart);
  if (!hostSplit || !/^[A-Za-z0-9.-]+$/.test(hostSplit.name)) {
    return { ok: false, problem: 'The Cloud ID holds a host name that is not valid. Copy it again from the deployment page.' };
  }
  const esSplit = splitPort(esPart);
  if (!esSplit || !/^[A-Za-z0-9-]+$/.test(esSplit.name)) {
    return {
      ok: false,
      problem: 'The Cloud ID holds an Elasticsearch ID that is not valid. Copy it again from the deployment page.',
    };
  }
  const kibanaSplit = kibanaPart ? splitPort(kibanaPart) : undefined;
  // A port given with the uuid wins over one given with the host.
  const esPort = esSplit.port ?? hostSplit.port ?? 443;
  const kibanaPort = kibanaSplit?.port ?? hostSplit.port ?? 443;
  return {
    ok: true,
    value: {
      label,
      host: hostSplit.name,
      elasticsearchUuid: esSplit.name,
      kibanaUuid: kibanaSplit?.name,
      elasticsearchUrl: httpsUrl(`${esSplit.name}.${hostSplit.name}`, esPort),
      kibanaUrl: kibanaSplit ? httpsUrl(`${kibanaSplit.name}.${hostSplit.name}`, kibanaPort) : undefined,
    },
  };
}

function splitPort(text: string): { name: string; port?: number } | undefined {
  const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { name: match[1], port };
}

function httpsUrl(host: string, port: number): string {
  return port === 443 ? `https://${host}` : `https://${host}:${port}`;
}
