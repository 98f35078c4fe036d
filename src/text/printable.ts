import { showEscapedBytes } from './file-name.ts';

/**
 * A path as a terminal line may show it: control characters (a newline that forges a line, ESC
 * that moves the cursor, BEL) and bidirectional overrides written as escapes, as git quotes them.
 */
export const printable = (s: string) =>
  showEscapedBytes(s).replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
