import { showEscapedBytes } from './file-name.ts';

/**
 * Escapes untrusted text (paths, commit messages, author names) for GitHub Markdown: it cannot
 * open links or images, HTML or comments, code spans, mentions (`@team`) or issue references, nor
 * break a table cell. Emphasis characters are left alone: at worst they make text bold.
 */
export function escapeMarkdown(text: string): string {
  return showEscapedBytes(text)
    .replace(/[\\`[\]<>#|&]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

/** Inline code for untrusted text: the fence is longer than any run of backticks inside it. */
export function code(text: string): string {
  const clean = showEscapedBytes(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
