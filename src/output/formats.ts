// The output formats, one registry per result type. A command accepts exactly the formats of its
// result type (`--format` is checked by `chooseFormat`), its help lists them from here, and the
// action writes a file of each format that names an action output.
//
// To add a format (JUnit for scan, say):
//   1. write its renderer, a pure function of the view (src/output/junit.ts: `renderJunit(v: ScanView): string`);
//   2. add one line to the result type's registry below, e.g.
//        junit: { load: () => import(/* webpackChunkName: "commands" */ './junit.ts').then((m) => m.renderJunit), action: { file: 'keyguard.junit.xml', output: 'junit-file', about: 'Path of the JUnit XML report.' } },
//      leaving out `action` when the action should not write it.
// `--format junit` and the help of `keyguard scan` follow, and so does the action's `junit-file`
// output: `npm run docs` writes it into action.yml and the README, and a test fails until it has.
// The first format of a registry is the command's default.
import type { AuditResult } from '../audit/run.ts';
import { ConfigurationError } from '../errors.ts';
import type { Namer } from '../options.ts';
import type { Report } from '../report/aggregate.ts';
import type { RespondSummary } from '../respond/respond.ts';
import type { ScanResult } from '../scan/finding.ts';

/** What a scan renderer may show: the result, the leak response, and where paths are relative to. */
export interface ScanView {
  readonly result: ScanResult;
  readonly summary?: RespondSummary;
  /** The scanned repository (`owner/name`), when known. */
  readonly repository?: string;
  /** Makes paths relative to the repository root when a sub-directory was scanned (`sub/`). */
  readonly pathPrefix?: string;
}

export interface AuditView {
  readonly result: AuditResult;
  readonly pathPrefix?: string;
}

export interface ReportView {
  readonly report: Report;
}

export interface Format<View> {
  /**
   * The renderer, loaded when used: `--help` lists the formats without loading any renderer. The
   * bundler puts them in the "commands" chunk with the CLI's commands (src/cli-entry.ts), so a
   * scan reads one file more than `--help`, not one per renderer and one per module they share.
   */
  readonly load: () => Promise<(view: View) => string>;
  /** The action writes this format to `$RUNNER_TEMP/file` and gives its path as the output `output`, described by `about`. */
  readonly action?: { readonly file: string; readonly output: string; readonly about: string };
}

const SARIF_FILE = { output: 'sarif-file', about: 'Path of the SARIF 2.1.0 report, for github/codeql-action/upload-sarif.' };
const JSON_FILE = { output: 'json-file', about: "Path of the JSON report (the CLI's `--format json`)." };

export const FORMATS = {
  scan: {
    text: { load: () => import(/* webpackChunkName: "commands" */ './text.ts').then((m) => (v) => m.renderText(v.result)) },
    json: { load: () => import(/* webpackChunkName: "commands" */ './json.ts').then((m) => (v) => m.renderJson(v.result, v.summary, v.repository)), action: { file: 'keyguard.json', ...JSON_FILE } },
    sarif: { load: () => import(/* webpackChunkName: "commands" */ './sarif.ts').then((m) => (v) => m.renderSarif(v.result, v.pathPrefix)), action: { file: 'keyguard.sarif', ...SARIF_FILE } },
  } satisfies Record<string, Format<ScanView>>,
  audit: {
    text: { load: () => import(/* webpackChunkName: "commands" */ '../audit/render.ts').then((m) => (v) => m.renderAuditText(v.result)) },
    json: { load: () => import(/* webpackChunkName: "commands" */ '../audit/render.ts').then((m) => (v) => m.renderAuditJson(v.result)), action: { file: 'keyguard-audit.json', ...JSON_FILE } },
    sarif: { load: () => import(/* webpackChunkName: "commands" */ '../audit/render.ts').then((m) => (v) => m.renderAuditSarif(v.result, v.pathPrefix)), action: { file: 'keyguard-audit.sarif', ...SARIF_FILE } },
  } satisfies Record<string, Format<AuditView>>,
  report: {
    markdown: { load: () => import(/* webpackChunkName: "commands" */ '../report/render.ts').then((m) => (v) => m.renderReportMarkdown(v.report)), action: { file: 'keyguard-report.md', output: 'report-file', about: 'report: path of the Markdown report.' } },
    json: { load: () => import(/* webpackChunkName: "commands" */ '../report/render.ts').then((m) => (v) => m.renderReportJson(v.report)), action: { file: 'keyguard-report.json', ...JSON_FILE } },
  } satisfies Record<string, Format<ReportView>>,
};

/**
 * Renders a view in a format. Every report leaves through here, redacted whatever put a key in it
 * (a project or key name from the API, a path): renderers pick their fields with care, and this
 * is the last word. Loaded with the renderer: the CLI's entry (its help lists the formats) stays small.
 */
export async function render<View>(format: Format<View>, view: View): Promise<string> {
  const [renderer, { scrubSecrets }] = await Promise.all([format.load(), import(/* webpackChunkName: "commands" */ '../detect/scrub.ts')]);
  return scrubSecrets(renderer(view));
}

/** The result types that have formats; each is also the name of the command that renders it. */
export type ResultType = keyof typeof FORMATS;
export type ViewOf<T extends ResultType> = { scan: ScanView; audit: AuditView; report: ReportView }[T];

export const RESULT_TYPES = Object.keys(FORMATS) as ResultType[];

/** The formats of a result type, the default first. */
export const formatNames = (type: ResultType): string[] => Object.keys(FORMATS[type]);

const formatsOf = <T extends ResultType>(type: T) => FORMATS[type] as Readonly<Record<string, Format<ViewOf<T>>>>;

/** The format asked for (`--format`), or the type's default; any other is an error naming the accepted ones. */
export function chooseFormat<T extends ResultType>(type: T, raw: string | undefined, name: Namer): Format<ViewOf<T>> {
  const wanted = raw?.trim() || formatNames(type)[0]!;
  const format = Object.hasOwn(FORMATS[type], wanted) ? formatsOf(type)[wanted] : undefined;
  if (!format) throw new ConfigurationError(`${name('format')}: expected one of ${formatNames(type).join(', ')}, got "${wanted}"`);
  return format;
}

/** The formats the action writes for a result type: the file name, the output naming it, the text. */
export const actionFiles = <T extends ResultType>(type: T) =>
  Object.values(formatsOf(type)).flatMap((f) => (f.action ? [{ ...f.action, format: f }] : []));

/** Every output the formats give the action, once each. */
export function fileOutputs(): { readonly name: string; readonly about: string }[] {
  const seen = new Map<string, string>();
  for (const type of RESULT_TYPES) for (const f of actionFiles(type)) if (!seen.has(f.output)) seen.set(f.output, f.about);
  return [...seen].map(([name, about]) => ({ name, about }));
}
