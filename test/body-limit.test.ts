import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fitBody, MAX_BODY, openDetails } from '../src/text/body-limit.ts';

const line = fc.oneof(fc.string({ maxLength: 300 }).map((s) => s.replace(/\n/g, ' ')), fc.constant('```'), fc.constant('| a | b |'), fc.constant('<details>'), fc.constant('<details><summary>more</summary>'), fc.constant('</details>'));

it('any body fits the limit, keeps its marker line and hidden state lines, and closes a cut code fence and cut folds', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 400, size: 'max' }), fc.integer({ min: 2_000, max: 20_000 }), (lines, limit) => {
      const body = ['<!-- keyguard:v1 leak 0123abcd -->', ...lines, '<!-- keyguard:v1 seen 0a1b2c -->', '<!-- keyguard:v1 facts eyJ9 -->'].join('\n');
      const out = fitBody(body, { limit });
      expect(out.length).toBeLessThanOrEqual(limit);
      if (body.length <= limit) {
        expect(out).toBe(body);
        return;
      }
      expect(out.split('\n')[0]).toBe('<!-- keyguard:v1 leak 0123abcd -->');
      expect(out.endsWith('<!-- keyguard:v1 seen 0a1b2c -->\n<!-- keyguard:v1 facts eyJ9 -->')).toBe(true);
      expect(out).toMatch(/…and \d+ more lines in the JSON report/);
      const beforeNote = out.slice(0, out.indexOf('_…and'));
      expect(beforeNote.split('\n').filter((l) => l.trimStart().startsWith('```')).length % 2).toBe(0);
      // The note is outside every fold, where a reader sees it.
      expect(openDetails(beforeNote.split('\n'))).toBe(0);
    }),
  );
});

it('the default limit is under GitHub\'s 65,536 characters; bytes can be the measure (job summary)', () => {
  const body = Array.from({ length: 5000 }, (_, i) => `| row ${i} | é€ |`).join('\n');
  expect(fitBody(body).length).toBeLessThan(MAX_BODY);
  expect(Buffer.byteLength(fitBody(body, { limit: 10_000, size: (s) => Buffer.byteLength(s) }))).toBeLessThanOrEqual(10_000);
});
