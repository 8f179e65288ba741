/**
 * Which HTTP proxy a request goes through. Mirrors what VS Code does for its own traffic: the
 * `http.proxy` setting first, then the usual environment variables, skipping hosts listed in
 * `http.noProxy` / `NO_PROXY`, and nothing at all when `http.proxySupport` is `off`.
 */

export interface ProxySettings {
  /** VS Code `http.proxy`, e.g. `http://proxy.example.com:3128`. */
  url?: string;
  /** VS Code `http.noProxy`: host names (optionally with a port, `*` for all, leading `.` or `*.` for subdomains). */
  noProxy?: string[];
  /** VS Code `http.proxyStrictSSL`: verify the proxy's own certificate (https proxies). Default true. */
  strictSSL?: boolean;
  /** VS Code `http.proxyAuthorization`: the value to send as `Proxy-Authorization`. */
  authorization?: string;
  /** VS Code `http.proxySupport`. */
  support?: 'off' | 'on' | 'fallback' | 'override';
  /** Environment to read HTTPS_PROXY / HTTP_PROXY / NO_PROXY from (defaults to none). */
  env?: Record<string, string | undefined>;
}

/** The proxy URL to use for `target`, or undefined for a direct connection. */
export function selectProxy(target: string | URL, settings: ProxySettings | undefined): string | undefined {
  if (!settings || settings.support === 'off') return undefined;
  let url: URL;
  try {
    url = new URL(String(target));
  } catch {
    return undefined;
  }
  const env = settings.env ?? {};
  const fromEnv =
    url.protocol === 'https:'
      ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy)
      : (env.HTTP_PROXY ?? env.http_proxy);
  const proxy = (settings.url ?? '').trim() || (fromEnv ?? '').trim();
  if (!proxy) return undefined;
  const noProxy = [...(settings.noProxy ?? []), ...splitList(env.NO_PROXY ?? env.no_proxy)];
  if (bypasses(url, noProxy)) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\s]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function splitHostPort(entry: string): { entryHost: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { entryHost: bracketed[1], entryPort: bracketed[2] };
  // More than one colon and no brackets: a bare IPv6 address, which cannot carry a port.
  if ((entry.match(/:/g) ?? []).length > 1) return { entryHost: entry };
  const [entryHost, entryPort] = entry.split(':');
  return { entryHost, entryPort: entryPort || undefined };
}

function bypasses(url: URL, noProxy: string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry === '*') return true;
    const { entryHost, entryPort } = splitHostPort(entry);
    if (entryPort && entryPort !== port) return false;
    const bare = entryHost.replace(/^\*?\./, '');
    return host === bare || host.endsWith(`.${bare}`);
  });
}
