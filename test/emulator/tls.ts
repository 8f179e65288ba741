/**
 * The committed test certificates (test/fixtures/tls, made by generate.sh there). Compiled code runs
 * from out/test/…, so the fixtures are found by walking up to the repository root.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** How an emulated HTTPS endpoint presents itself. */
export type TlsMode =
  /** Certificate for 127.0.0.1/localhost signed by the test CA (trust test/fixtures/tls/ca.crt). */
  | 'trusted'
  /** Certificate signed by a CA no client trusts: "unknown CA" failures. */
  | 'unknown-ca'
  /** A self-signed certificate: "self-signed" failures. */
  | 'self-signed';

function fixturesDir(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 8; depth++) {
    const candidate = path.join(dir, 'test', 'fixtures', 'tls');
    if (existsSync(path.join(candidate, 'ca.crt'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('test/fixtures/tls not found above ' + __dirname);
}

export const TLS_FIXTURES = {
  get dir(): string {
    return fixturesDir();
  },
  /** The CA certificate clients should trust to talk to a 'trusted' emulator. */
  get caFile(): string {
    return path.join(fixturesDir(), 'ca.crt');
  },
  get unknownCaFile(): string {
    return path.join(fixturesDir(), 'unknown-ca.crt');
  },
};

export function serverCredentials(mode: TlsMode): { key: string; cert: string } {
  const dir = fixturesDir();
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  switch (mode) {
    case 'trusted':
      return { key: read('server.key'), cert: read('server.crt') };
    case 'unknown-ca':
      return { key: read('unknown-server.key'), cert: read('unknown-server.crt') };
    case 'self-signed':
      return { key: read('self-signed.key'), cert: read('self-signed.crt') };
  }
}
