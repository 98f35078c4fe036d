import { describe, expect, it } from 'vitest';
import { ConfigSchema, parseConfig } from '../src/config-file.ts';
import { DEFAULT_CONFIG } from '../src/config.ts';
import { parseByteSize } from '../src/text/byte-size.ts';

describe('config', () => {
  it('the defaults written out are what the schema makes of an empty file', () => {
    expect(DEFAULT_CONFIG).toEqual(ConfigSchema.parse({}));
    expect(DEFAULT_CONFIG).toEqual(parseConfig('', '.keyguard.yml'));
    expect(DEFAULT_CONFIG).toEqual(parseConfig('# nothing set\n', '.keyguard.yml'));
  });

  it('reads sizes as the schema did before it shared them with the flags', () => {
    expect(parseByteSize('10485760')).toBe(10485760);
    expect(parseByteSize(' 10MiB ')).toBe(10 * 1024 ** 2);
    expect(parseByteSize('500 KB')).toBe(500_000);
    expect(parseByteSize('1.5kib')).toBe(1536);
    expect(parseByteSize('0.4b')).toBe(0);
    for (const bad of ['', 'MB', '10 parsecs', '-1KB', '1e3', '10MB extra']) expect(parseByteSize(bad), bad).toBeUndefined();
    expect(parseConfig('scan:\n  maxFileSize: 2 MiB\n', 'f').scan.maxFileSize).toBe(2 * 1024 ** 2);
    expect(() => parseConfig('scan:\n  maxFileSize: 2 parsecs\n', 'f')).toThrow('f:2:16: scan.maxFileSize: expected a size such as 10485760, "500KB" or "10MiB"');
    expect(parseConfig('scan:\n  archiveDepth: 0\n', 'f').scan.archiveDepth).toBe(0);
    expect(() => parseConfig('scan:\n  archiveDepth: -1\n', 'f')).toThrow('f:2:17: scan.archiveDepth:');
  });
});
