import { ConfigurationError } from '../errors.ts';

const DAY = 86_400;

/** A report period in unix seconds, start inclusive and end exclusive (as the usage API takes them). */
export interface Period {
  readonly kind: 'day' | 'week' | 'month' | 'custom';
  readonly start: number;
  readonly end: number;
}

const midnight = (t: number) => Math.floor(t / DAY) * DAY;

/**
 * The last full period before `now`, in UTC: yesterday, last Monday-to-Sunday week, or last
 * calendar month. Pure: the clock comes in.
 */
export function lastFullPeriod(kind: 'day' | 'week' | 'month', now: number): Period {
  const today = midnight(now);
  if (kind === 'day') return { kind, start: today - DAY, end: today };
  if (kind === 'week') {
    const weekday = (new Date(today * 1000).getUTCDay() + 6) % 7; // Monday = 0
    const thisMonday = today - weekday * DAY;
    return { kind, start: thisMonday - 7 * DAY, end: thisMonday };
  }
  const d = new Date(today * 1000);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / 1000;
  return { kind, start, end };
}

/** `--since 2026-11-01 --until 2026-11-08`: whole UTC days, `until` exclusive. */
export function customPeriod(since: string, until: string): Period {
  const parse = (s: string, name: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new ConfigurationError(`${name}: expected a date such as 2026-11-01, got "${s}"`);
    const t = Date.parse(`${s}T00:00:00Z`) / 1000;
    if (!Number.isFinite(t)) throw new ConfigurationError(`${name}: ${s} is not a date`);
    return t;
  };
  const start = parse(since, '--since');
  const end = parse(until, '--until');
  if (end <= start) throw new ConfigurationError(`--until (${until}) must be after --since (${since})`);
  return { kind: 'custom', start, end };
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'month') {
    const d = new Date(p.start * 1000);
    return { kind: 'month', start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / 1000, end: p.start };
  }
  return { kind: p.kind, start: p.start - (p.end - p.start), end: p.start };
}

export const isoDay = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

/** `week-2026-11-16`: names the period in issue markers (safe characters only). */
export function periodId(p: Period): string {
  return `${p.kind}-${isoDay(p.start)}${p.kind === 'custom' ? `-${isoDay(p.end)}` : ''}`;
}

export function describePeriod(p: Period): string {
  const last = isoDay(p.end - DAY);
  return p.end - p.start === DAY ? isoDay(p.start) : `${isoDay(p.start)} to ${last}`;
}
