export { detectKeys, type Match } from './detect.js';
export { mayContainKey, PREFILTER_LITERALS } from './prefilter.js';
export { SecretValue, fingerprint, redact } from './secret.js';
export { KEY_KINDS, KIND_SPECS, MARKER, kindLabel, kindPrefix, type KeyKind } from './kinds.js';
export { placeholderReason, ENTROPY_MIN, RUN_MIN } from './placeholder.js';
export { scrubSecrets } from './scrub.js';
