import { afterEach } from 'vitest';
import { startFakeGitHub } from '../fakes/github-server.ts';
import { startFakeOpenAI } from '../fakes/openai-server.ts';

// Every fake a test starts is closed after that test (each test file has its own copy of this module).
const open = new Set<{ close(): Promise<void> }>();
afterEach(async () => {
  await Promise.all([...open].map((f) => f.close()));
  open.clear();
});

/** The loopback OpenAI, closed after the test. */
export async function fakeOpenAI(...args: Parameters<typeof startFakeOpenAI>) {
  const fake = await startFakeOpenAI(...args);
  open.add(fake);
  return fake;
}

/** The loopback GitHub, closed after the test. */
export async function fakeGitHub(...args: Parameters<typeof startFakeGitHub>) {
  const fake = await startFakeGitHub(...args);
  open.add(fake);
  return fake;
}
