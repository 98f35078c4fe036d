export { detectKeys, type Encoding, type Match } from './detect.ts';
export { BINARY_SNIFF, countNewlines, decodeBytes, detectInBytes, sniffEncoding, unmarkedUtf16, utf16Mark, type TextEncoding } from './bytes.ts';
export { ARCHIVE_DEPTH, detectInFile, EntryCache, isArchive, type ArchiveLimits, type FileMatch, type FileScan } from './archive.ts';
export { LITERAL_SEARCHES, mayContainKey, PREFILTER_LITERALS } from './prefilter.ts';
export { SecretValue, fingerprint, redact } from './secret.ts';
export { sha256Hex } from './hash.ts';
export { KEY_FORMS, KEY_KINDS, KIND_SPECS, MARKER, REDACTED_PREFIXES, kindLabel, kindPrefix, kindSpec, type KeyKind, type KindSpec } from './kinds.ts';
export { placeholderReason, ENTROPY_MIN, RUN_MIN } from './placeholder.ts';
export { scrubSecrets } from './scrub.ts';
