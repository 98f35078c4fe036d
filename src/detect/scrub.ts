import { detectKeys } from './detect.ts';
import { mayContainKey } from './prefilter.ts';

/**
 * Replaces every key in a text by its redacted form. For text keyguard did not write itself
 * (error messages from an API, a server's response) before it is logged or shown, and for paths:
 * a file can be named after a key (`> $OPENAI_API_KEY`, a typo, writes a file of that name).
 */
export function scrubSecrets(text: string): string {
  if (!mayContainKey(text)) return text;
  let out = text;
  for (const m of detectKeys(text)) out = out.split(m.secret.reveal()).join(m.secret.redacted);
  return out;
}
