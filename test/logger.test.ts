import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { consoleLogger } from '../src/logger.ts';

function stream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean };
  s.isTTY = isTTY;
  let text = '';
  s.on('data', (d: Buffer) => (text += d.toString()));
  return { s: s as unknown as NodeJS.WriteStream, text: () => text };
}

it('shows progress only on a terminal, and clears it before the next message', () => {
  const tty = stream(true);
  const log = consoleLogger(tty.s);
  log.progress('keyguard: 256 files');
  log.info('done');
  expect(tty.text()).toBe('\r\x1b[Kkeyguard: 256 files\r\x1b[Kdone\n');

  const pipe = stream(false);
  const quiet = consoleLogger(pipe.s);
  quiet.progress('keyguard: 256 files');
  quiet.warning('careful');
  expect(pipe.text()).toBe('warning: careful\n');
});
