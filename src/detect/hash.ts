import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/**
 * SHA-256 of a string (UTF-8), in hex. node:crypto is loaded on the first call, not with the
 * module: a scan that finds nothing never hashes, and loading it cost about 4 ms of a scan's
 * start-up (test/entries.test.ts). No I/O: node:module serves only to load node:crypto
 * (test/boundary.test.ts).
 */
export function sha256Hex(text: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return (typeof text === 'string' ? crypto.createHash('sha256').update(text, 'utf8') : crypto.createHash('sha256').update(text)).digest('hex');
}
