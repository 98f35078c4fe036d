import { readFile, writeFile } from 'node:fs/promises';
import { ConfigurationError } from '../errors.ts';
import type { Inventory } from './types.ts';

/**
 * The organization's key records saved once per org-wide run (by the discover job) so that the
 * scan jobs match found keys without each reading the whole organization again. It holds ids,
 * names, owners and redacted values: no secret (the admin key never leaves the job that read it).
 */
const VERSION = 1;

export async function writeInventoryFile(file: string, inventory: Inventory, readAt: number): Promise<void> {
  await writeFile(file, `${JSON.stringify({ keyguardInventory: VERSION, readAt, ...inventory, requests: 0 })}\n`);
}

export async function readInventoryFile(file: string): Promise<Inventory & { readonly readAt: number }> {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigurationError(`${file}: cannot read the organization inventory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const arrays = ['projects', 'projectKeys', 'serviceAccounts', 'adminKeys'] as const;
  if (data.keyguardInventory !== VERSION || typeof data.readAt !== 'number' || arrays.some((k) => !Array.isArray(data[k]))) {
    throw new ConfigurationError(`${file}: not an inventory written by this version of keyguard's discover (expected keyguardInventory ${VERSION})`);
  }
  return data as unknown as Inventory & { readAt: number };
}
