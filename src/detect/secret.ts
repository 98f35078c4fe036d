import { sha256Hex } from './hash.ts';
import { REDACTED_PREFIXES } from './kinds.ts';

/**
 * A whole key, held so that it cannot be printed by accident: string conversion, JSON and
 * util.inspect all give the redacted form. Only `reveal()` gives the key, for masking
 * (core.setSecret), liveness checks and hashing.
 */
export class SecretValue {
  readonly #value: string;
  readonly redacted: string;
  readonly fingerprint: string;

  constructor(value: string) {
    this.#value = value;
    this.redacted = redact(value);
    this.fingerprint = fingerprint(value);
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SecretValue(${this.redacted})`;
  }
}

/**
 * A stable hash of the whole key: the same key gives the same fingerprint in every run, repo and
 * tool (`printf %s "$KEY" | sha256sum | cut -c1-32`). 128 bits of SHA-256 keep it short in issue
 * titles; the key itself has 200+ bits of entropy, so the hash gives nothing away.
 */
export function fingerprint(key: string): string {
  return sha256Hex(key).slice(0, 32);
}

/** `sk-proj-…a1B2`: the kind's prefix and the last four characters, never more. */
export function redact(key: string): string {
  const prefix = REDACTED_PREFIXES.find((p) => key.startsWith(p)) ?? key.slice(0, 3);
  return `${prefix}…${key.slice(-4)}`;
}
