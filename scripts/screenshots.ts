// `npm run screenshots`: the README's pictures of a leak issue, the audit issue and the weekly
// report, from the demo's fake organisation (`npm run demo` writes the bodies). Each body is
// rendered as GitHub shows it (GitHub-flavoured Markdown, GitHub's stylesheet, Mermaid charts) by
// headless Chromium, at 900 px, the width of an issue pane. Needs `chromium` on PATH (or CHROMIUM);
// not part of CI. Fails when a table or chart would scroll sideways at that width.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Marked } from 'marked';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'docs/screenshots');
const work = mkdtempSync(path.join(tmpdir(), 'keyguard-screenshots-'));
const chromium = process.env.CHROMIUM ?? 'chromium';
const widths = (process.env.SCREENSHOT_WIDTHS ?? '900').split(',').map(Number);

/** The shortcodes keyguard writes, as GitHub shows them. */
const EMOJI: Record<string, string> = { rotating_light: '\u{1F6A8}', warning: '\u26A0\uFE0F', white_check_mark: '\u2705' };

const marked = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      return lang === 'mermaid' ? `<pre class="mermaid">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>` : false;
    },
  },
});

/** One page like an issue body on GitHub; it writes its height and any sideways overflow into #measure. */
function page(markdown: string): string {
  const body = (marked.parse(markdown) as string).replace(/:([a-z_]+):/g, (m, n: string) => EMOJI[n] ?? m);
  const css = require.resolve('github-markdown-css/github-markdown-light.css');
  const js = require.resolve('mermaid/dist/mermaid.min.js');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="file://${css}">
<style>body{margin:0;background:#fff}.markdown-body{box-sizing:border-box;margin:8px;padding:16px 24px;border:1px solid #d0d7de;border-radius:6px}</style>
<script src="file://${js}"></script></head><body><article class="markdown-body">${body}</article><pre id="measure"></pre>
<script>
mermaid.initialize({ startOnLoad: false });
mermaid.run().then(() => {
  const article = document.querySelector('article');
  const height = Math.ceil(article.getBoundingClientRect().bottom) + 8;
  // How far down the report's list of what needs attention ends: it belongs on the first screen.
  const attention = [...article.querySelectorAll('h3')].find((h) => /need/.test(h.textContent))?.nextElementSibling;
  const attentionEnds = attention ? Math.ceil(attention.getBoundingClientRect().bottom) : null;
  for (const d of document.querySelectorAll('details')) d.open = true;
  const wide = [...article.querySelectorAll('table, pre, svg')].filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > article.getBoundingClientRect().right + 1).map((e) => e.tagName + ': ' + e.textContent.slice(0, 60));
  if (document.documentElement.scrollWidth > window.innerWidth) wide.push('page');
  for (const d of document.querySelectorAll('details')) d.open = false;
  document.getElementById('measure').textContent = JSON.stringify({ height, wide, attentionEnds });
});
</script></body></html>`;
}

function chrome(args: string[]): string {
  const r = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=8000', ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw new Error(`${chromium}: ${r.error.message} (install Chromium, or set CHROMIUM to its binary)`);
  return r.stdout;
}

try {
  const bodies = path.join(work, 'bodies');
  const demo = spawnSync(process.execPath, [path.join(root, 'scripts/demo.ts')], { env: { ...process.env, KEYGUARD_DEMO_BODIES: bodies }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (demo.status !== 0) throw new Error('npm run demo failed: run it to see why');
  mkdirSync(out, { recursive: true });
  let failed = false;
  for (const name of ['leak-issue', 'audit-issue', 'report-issue']) {
    const html = path.join(work, `${name}.html`);
    writeFileSync(html, page(readFileSync(path.join(bodies, `${name}.md`), 'utf8')));
    for (const width of widths) {
      const dom = chrome([`--window-size=${width},3000`, '--dump-dom', `file://${html}`]);
      const measured = /<pre id="measure">(.*?)<\/pre>/s.exec(dom)?.[1];
      if (!measured) throw new Error(`${name}: the page did not finish rendering`);
      const { height, wide, attentionEnds } = JSON.parse(measured.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')) as { height: number; wide: string[]; attentionEnds: number | null };
      const png = path.join(out, `${name}${widths.length > 1 ? `-${width}` : ''}.png`);
      chrome([`--window-size=${width},${height}`, `--screenshot=${png}`, `file://${html}`]);
      console.log(`${path.relative(root, png)}: ${width}x${height}, ${Math.round(statSync(png).size / 1024)} KB${attentionEnds ? `; what needs attention ends ${attentionEnds} px down` : ''}${wide.length ? `; scrolls sideways: ${wide.join('; ')}` : ''}`);
      if (wide.length) failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
