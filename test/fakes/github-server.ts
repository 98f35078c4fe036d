/*
 * A loopback fake of the GitHub REST routes keyguard uses: issues (list with labels/state and
 * `Link` pagination, create, update), issue comments (pull request conversation comments are issue
 * comments), labels, and org repositories. Shapes follow GitHub's OpenAPI description as
 * @octokit/openapi-types carries it; errors are `{"message","documentation_url","status"}`.
 *
 * Knobs: rate-limit headers on every answer, a secondary rate limit (403 with `retry-after`) for
 * the next N writes, creations processed but answered 502 or cut off, and a request log with
 * bodies, for asserting what was sent. Like GitHub it refuses bodies over 65,536 characters (422)
 * and records who wrote each issue and comment: each token writes as its login (`tokens`).
 * Erasable TypeScript only, so `node scripts/demo.ts` can run it directly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  isPullRequest: boolean;
  /** Who opened it (the login of the token that created it); keyguard's bot when left out. */
  user?: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  labels: FakeLabel[];
  issues: FakeIssue[];
  comments: FakeComment[];
  /** Secret scanning alerts; undefined: secret scanning is disabled (the list answers 404). */
  alerts?: FakeAlert[];
}

/** A secret scanning alert; `location` is its `first_location_detected` when in a commit. */
export interface FakeAlert {
  number: number;
  secret_type: string;
  secret: string;
  state: 'open' | 'resolved';
  resolution: null | 'false_positive' | 'wont_fix' | 'revoked' | 'used_in_tests';
  resolution_comment: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
  validity: 'active' | 'inactive' | 'unknown';
  location: { path: string; start_line: number; start_column: number; end_column: number; commit_sha: string } | null;
}

export interface FakeOrgRepo {
  name: string;
  archived: boolean;
  fork: boolean;
  private: boolean;
  default_branch: string;
}

export interface GitHubKnobs {
  /** Answer the next N content-creating requests with a secondary rate limit (403). */
  secondaryLimitNext: number;
  /**
   * Process the next N issue or comment creations, then lose the answer: `502` answers a bad
   * gateway (as GitHub's front end does when the back end was slow), `drop` closes the connection.
   */
  loseCreateNext: number;
  loseCreateAs: '502' | 'drop';
  retryAfterSeconds: number;
  latencyMs: number;
  /**
   * Fields the description lets be absent or null, as `schema.field` of the object a route
   * answers (`issue.body`, `issue-comment.body`, `label.description`, `minimal-repository.archived`):
   * `omit` leaves them out, `nullify` sends null.
   */
  omit: string[];
  nullify: string[];
}

/** The description's schema of the objects a successful answer to this path carries. */
function schemaOf(parts: string[]): string | undefined {
  if (parts[0] === 'orgs') return 'minimal-repository';
  if (parts.includes('comments')) return 'issue-comment';
  if (parts[3] === 'labels') return 'label';
  if (parts[3] === 'issues') return 'issue';
  if (parts[3] === 'secret-scanning') return 'secret-scanning-alert';
  return undefined;
}

function leaveOut(payload: unknown, schema: string | undefined, knobs: GitHubKnobs): unknown {
  const one = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !knobs.omit.includes(`${schema}.${k}`)).map(([k, v]) => [k, knobs.nullify.includes(`${schema}.${k}`) ? null : v]));
  return Array.isArray(payload) ? payload.map(one) : one(payload as Record<string, unknown>);
}

export interface GitHubRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  body: string;
  /** The JSON answered, for the contract tests. */
  response: unknown;
}

export interface FakeGitHub {
  readonly url: string;
  readonly token: string;
  /** Token → login: who each token writes as. `token` is keyguard's (`github-actions[bot]`). */
  readonly tokens: Map<string, string>;
  readonly repos: Map<string, FakeRepo>;
  readonly orgs: Map<string, FakeOrgRepo[]>;
  /** What `GET /installation/repositories` answers for an installation token: these full names, or every org repository. */
  readonly installation: { repositories?: string[] };
  readonly knobs: GitHubKnobs;
  readonly log: GitHubRequest[];
  repo(fullName: string): FakeRepo;
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    // GitHub's description gives `status` to `basic-error` but not to `validation-error` (422).
    this.body = { message, documentation_url: 'https://docs.github.com/rest', ...(status === 422 ? {} : { status: String(status) }), ...extra };
    this.headers = headers;
  }
}

const BOT = 'github-actions[bot]';
/** GitHub's limit on issue and comment bodies, in characters. */
export const MAX_BODY = 65_536;

/** GitHub's answer to an oversized body: 422 Validation Failed, a `custom` error on `body`. */
function checkBody(resource: 'Issue' | 'IssueComment', body: unknown): void {
  if (typeof body === 'string' && body.length > MAX_BODY) {
    throw new HttpError(422, 'Validation Failed', { errors: [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` }] });
  }
}
/** A `simple-user`, every required field of GitHub's description. */
const user = (login: string) => {
  const api = `https://api.github.test/users/${encodeURIComponent(login)}`;
  return {
    login,
    id: login.length * 1000 + 7,
    node_id: `U_${login}`,
    avatar_url: `https://avatars.github.test/u/${login.length * 1000 + 7}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.test/${encodeURIComponent(login)}`,
    ...Object.fromEntries(['followers', 'subscriptions', 'organizations', 'repos', 'received_events'].map((f) => [`${f}_url`, `${api}/${f}`])),
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    events_url: `${api}/events{/privacy}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
};
/** The `…_url` fields a `minimal-repository` requires (templates left out: only their shape is checked). */
const REPO_URLS = ['archive', 'assignees', 'blobs', 'branches', 'collaborators', 'comments', 'commits', 'compare', 'contents', 'contributors', 'deployments', 'downloads', 'events', 'forks', 'git_commits', 'git_refs', 'git_tags', 'hooks', 'issue_comment', 'issue_events', 'issues', 'keys', 'labels', 'languages', 'merges', 'milestones', 'notifications', 'pulls', 'releases', 'stargazers', 'statuses', 'subscribers', 'subscription', 'tags', 'teams', 'trees'];

export async function startFakeGitHub(options: { token?: string; repos?: string[]; knobs?: Partial<GitHubKnobs>; tokens?: Record<string, string> } = {}): Promise<FakeGitHub> {
  const token = options.token ?? 'ghs_fakeinstallationtoken';
  const tokens = new Map<string, string>([[token, BOT], ...Object.entries(options.tokens ?? {})]);
  const knobs: GitHubKnobs = { secondaryLimitNext: 0, loseCreateNext: 0, loseCreateAs: '502', retryAfterSeconds: 1, latencyMs: 0, omit: [], nullify: [], ...options.knobs };
  const repos = new Map<string, FakeRepo>();
  const orgs = new Map<string, FakeOrgRepo[]>();
  const installation: { repositories?: string[] } = {};
  const log: GitHubRequest[] = [];
  let nextId = 1000;
  let url = '';
  const repo = (fullName: string) => {
    let r = repos.get(fullName);
    if (!r) {
      const [owner, name] = fullName.split('/');
      r = { owner: owner!, name: name!, labels: [], issues: [], comments: [] };
      repos.set(fullName, r);
    }
    return r;
  };
  for (const r of options.repos ?? []) repo(r);
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  const labelJson = (r: FakeRepo, l: FakeLabel) => ({ id: l.id, node_id: `LA_${l.id}`, url: `${url}/repos/${r.owner}/${r.name}/labels/${encodeURIComponent(l.name)}`, name: l.name, description: l.description, color: l.color, default: false });
  /** A `secret-scanning-alert`, as the repository listing answers it (`secret` left out with `hide_secret`). */
  const alertJson = (r: FakeRepo, a: FakeAlert, hideSecret: boolean) => {
    const api = `${url}/repos/${r.owner}/${r.name}/secret-scanning/alerts/${a.number}`;
    const blob = 'b'.repeat(40);
    const l = a.location;
    return {
      number: a.number,
      created_at: a.created_at,
      updated_at: a.resolved_at ?? a.created_at,
      url: api,
      html_url: `https://github.test/${r.owner}/${r.name}/security/secret-scanning/${a.number}`,
      locations_url: `${api}/locations`,
      state: a.state,
      resolution: a.resolution,
      resolved_at: a.resolved_at,
      resolved_by: a.resolved_by ? user(a.resolved_by) : null,
      resolution_comment: a.resolution_comment,
      secret_type: a.secret_type,
      secret_type_display_name: a.secret_type === 'openai_api_key' ? 'OpenAI API Key' : a.secret_type,
      provider: a.secret_type.startsWith('openai_') ? 'OpenAI' : 'Other',
      provider_slug: a.secret_type.startsWith('openai_') ? 'openai' : 'other',
      ...(hideSecret ? {} : { secret: a.secret }),
      push_protection_bypassed: false,
      push_protection_bypassed_by: null,
      push_protection_bypassed_at: null,
      push_protection_bypass_request_reviewer: null,
      push_protection_bypass_request_reviewer_comment: null,
      push_protection_bypass_request_comment: null,
      push_protection_bypass_request_html_url: null,
      validity: a.validity,
      publicly_leaked: false,
      multi_repo: false,
      is_base64_encoded: false,
      first_location_detected: l
        ? { path: l.path, start_line: l.start_line, end_line: l.start_line, start_column: l.start_column, end_column: l.end_column, blob_sha: blob, blob_url: `${url}/repos/${r.owner}/${r.name}/git/blobs/${blob}`, commit_sha: l.commit_sha, commit_url: `${url}/repos/${r.owner}/${r.name}/git/commits/${l.commit_sha}` }
        : null,
      has_more_locations: false,
      assigned_to: null,
    };
  };
  const issueJson = (r: FakeRepo, i: FakeIssue) => ({
    id: i.id,
    node_id: `I_${i.id}`,
    url: `${url}/repos/${r.owner}/${r.name}/issues/${i.number}`,
    repository_url: `${url}/repos/${r.owner}/${r.name}`,
    labels_url: `${url}/repos/${r.owner}/${r.name}/issues/${i.number}/labels{/name}`,
    comments_url: `${url}/repos/${r.owner}/${r.name}/issues/${i.number}/comments`,
    events_url: `${url}/repos/${r.owner}/${r.name}/issues/${i.number}/events`,
    html_url: `https://github.test/${r.owner}/${r.name}/${i.isPullRequest ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state === 'closed' ? 'completed' : null,
    title: i.title,
    body: i.body,
    user: user(i.user ?? BOT),
    labels: i.labels.map((n) => labelJson(r, r.labels.find((l) => l.name === n) ?? { id: 0, name: n, color: 'ededed', description: null })),
    assignee: i.assignees[0] ? user(i.assignees[0]) : null,
    assignees: i.assignees.map(user),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: r.comments.filter((c) => c.issue === i.number).length,
    ...(i.isPullRequest ? { pull_request: { url: `${url}/repos/${r.owner}/${r.name}/pulls/${i.number}`, html_url: `https://github.test/${r.owner}/${r.name}/pull/${i.number}`, diff_url: null, patch_url: null } } : {}),
    closed_at: i.closed_at,
    created_at: i.created_at,
    updated_at: i.updated_at,
    author_association: 'NONE',
  });
  const commentJson = (r: FakeRepo, c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/repos/${r.owner}/${r.name}/issues/comments/${c.id}`,
    html_url: `https://github.test/${r.owner}/${r.name}/issues/${c.issue}#issuecomment-${c.id}`,
    body: c.body,
    user: user(c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    issue_url: `${url}/repos/${r.owner}/${r.name}/issues/${c.issue}`,
    author_association: 'NONE',
  });

  /**
   * `POST /graphql`, the one query keyguard sends: `viewer { login __typename }`, the token's own
   * identity. GraphQL names a bot without the `[bot]` suffix that REST shows (`github-actions`).
   */
  function graphql(input: Record<string, unknown>, login: string): unknown {
    if (typeof input.query !== 'string' || !/\bviewer\b/.test(input.query)) return { errors: [{ message: 'This fake answers only the viewer query' }] };
    const bot = login.endsWith('[bot]');
    return { data: { viewer: { login: bot ? login.slice(0, -'[bot]'.length) : login, __typename: bot ? 'Bot' : 'User' } } };
  }

  /** GitHub's pages: `per_page` (max 100, default 30) and `page`, with a `Link` header. */
  const repoIds = new Map<string, number>();
  /** A `minimal-repository`, every required field of GitHub's description. */
  const repoJson = (owner: string, r: FakeOrgRepo) => {
    const full = `${owner}/${r.name}`;
    const id = repoIds.get(full) ?? repoIds.set(full, 5000 + repoIds.size).get(full)!;
    const api = `${url}/repos/${full}`;
    return { id, node_id: `R_${id}`, name: r.name, full_name: full, private: r.private, fork: r.fork, archived: r.archived, disabled: false, default_branch: r.default_branch, description: null, owner: user(owner), html_url: `https://github.test/${full}`, url: api, ...Object.fromEntries(REPO_URLS.map((f) => [`${f}_url`, `${api}/${f}`])) };
  };

  /** A full `repository`, as the installation listing answers: the minimal one and the fields it adds. */
  const fullRepoJson = (owner: string, r: FakeOrgRepo) => {
    const at = '2026-01-05T10:00:00Z';
    return {
      ...repoJson(owner, r),
      clone_url: `https://github.test/${owner}/${r.name}.git`,
      git_url: `git://github.test/${owner}/${r.name}.git`,
      ssh_url: `git@github.test:${owner}/${r.name}.git`,
      svn_url: `https://github.test/${owner}/${r.name}`,
      mirror_url: null,
      homepage: null,
      language: null,
      license: null,
      ...{ forks: 0, forks_count: 0, open_issues: 0, open_issues_count: 0, size: 0, stargazers_count: 0, watchers: 0, watchers_count: 0 },
      ...{ has_downloads: true, has_issues: true, has_projects: true, has_wiki: true, has_pages: false },
      ...{ pushed_at: at, created_at: at, updated_at: at },
    };
  };

  function paginate<T>(items: T[], query: Record<string, string>, path: string, res: { headers: Record<string, string> }): T[] {
    const perPage = Math.min(Number(query.per_page ?? 30) || 30, 100);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) });
      return `<${url}${path}?${q}>; rel="${rel}"`;
    };
    const links = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    if (links.length) res.headers.link = links.join(', ');
    return items.slice((page - 1) * perPage, page * perPage);
  }

  function json(body: string): Record<string, unknown> {
    try {
      return JSON.parse(body || '{}') as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'Problems parsing JSON');
    }
  }

  function route(method: string, parts: string[], query: Record<string, string>, body: string, path: string, out: { headers: Record<string, string>; status: number }, login: string, auth: string): unknown {
    if (parts[0] === 'graphql' && parts.length === 1 && method === 'POST') return graphql(json(body), login);
    if (parts[0] === 'orgs' && parts[2] === 'repos' && method === 'GET') {
      const all = orgs.get(parts[1]!);
      if (!all) throw new HttpError(404, 'Not Found');
      const type = query.type ?? 'all';
      const list = all.filter((r) => type === 'all' || (type === 'forks' ? r.fork : type === 'sources' ? !r.fork : type === 'public' ? !r.private : type === 'private' ? r.private : true));
      return paginate(list, query, path, out).map((r) => repoJson(parts[1]!, r));
    }
    // An App installation lists what it was granted: `installation` when set, else every org repository.
    if (parts[0] === 'installation' && parts[1] === 'repositories' && method === 'GET') {
      if (!auth.startsWith('ghs_')) throw new HttpError(403, 'You must authenticate with an installation access token in order to list repositories for an installation.');
      const all = [...orgs].flatMap(([owner, list]) => list.map((r) => ({ owner, r })));
      const granted = installation.repositories ? all.filter(({ owner, r }) => installation.repositories!.includes(`${owner}/${r.name}`)) : all;
      return { total_count: granted.length, repository_selection: installation.repositories ? 'selected' : 'all', repositories: paginate(granted, query, path, out).map(({ owner, r }) => fullRepoJson(owner, r)) };
    }
    if (parts[0] !== 'repos' || parts.length < 4) throw new HttpError(404, 'Not Found');
    const r = repos.get(`${parts[1]}/${parts[2]}`);
    if (!r) throw new HttpError(404, 'Not Found');
    const [, , , a, b, c] = parts;
    if (a === 'secret-scanning' && b === 'alerts') {
      if (!r.alerts) throw new HttpError(404, 'Secret scanning is disabled on this repository.');
      if (!parts[5] && method === 'GET') {
        const types = query.secret_type ? query.secret_type.split(',') : undefined;
        const list = r.alerts.filter((x) => (!query.state || x.state === query.state) && (!types || types.includes(x.secret_type))).sort((x, y) => y.number - x.number);
        return paginate(list, query, path, out).map((x) => alertJson(r, x, query.hide_secret === 'true'));
      }
      const alert = r.alerts.find((x) => x.number === Number(parts[5]));
      if (!alert) throw new HttpError(404, 'Not Found');
      if (method === 'PATCH') {
        const input = json(body);
        if (input.state === 'resolved' && !['false_positive', 'wont_fix', 'revoked', 'used_in_tests'].includes(input.resolution as string)) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'SecretScanningAlert', code: 'missing_field', field: 'resolution' }] });
        if (input.state !== 'open' && input.state !== 'resolved') throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'SecretScanningAlert', code: 'invalid', field: 'state' }] });
        alert.state = input.state;
        alert.resolution = input.state === 'resolved' ? (input.resolution as FakeAlert['resolution']) : null;
        alert.resolution_comment = typeof input.resolution_comment === 'string' ? input.resolution_comment : null;
        alert.resolved_by = input.state === 'resolved' ? login : null;
        alert.resolved_at = input.state === 'resolved' ? now() : null;
        return alertJson(r, alert, false);
      }
    }
    if (a === 'labels' && !b && method === 'POST') {
      const input = json(body);
      if (typeof input.name !== 'string' || !input.name) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Label', code: 'missing_field', field: 'name' }] });
      if (r.labels.some((l) => l.name.toLowerCase() === (input.name as string).toLowerCase())) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
      const label = { id: nextId++, name: input.name, color: typeof input.color === 'string' ? input.color : 'ededed', description: typeof input.description === 'string' ? input.description : null };
      r.labels.push(label);
      out.status = 201;
      return labelJson(r, label);
    }
    if (a === 'labels' && b && method === 'GET') {
      const label = r.labels.find((l) => l.name.toLowerCase() === decodeURIComponent(b).toLowerCase());
      if (!label) throw new HttpError(404, 'Not Found');
      return labelJson(r, label);
    }
    if (a === 'issues' && !b && method === 'GET') {
      const state = query.state ?? 'open';
      const labels = query.labels ? query.labels.split(',') : [];
      const list = r.issues
        .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)))
        .sort((x, y) => (query.direction === 'asc' ? x.number - y.number : y.number - x.number));
      return paginate(list, query, path, out).map((i) => issueJson(r, i));
    }
    if (a === 'issues' && !b && method === 'POST') {
      const input = json(body);
      if (typeof input.title !== 'string' || !input.title) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
      checkBody('Issue', input.body);
      const labels = (input.labels as string[] | undefined) ?? [];
      // Creating an issue with an unknown label creates the label, as GitHub does for writers.
      for (const l of labels) if (!r.labels.some((x) => x.name === l)) r.labels.push({ id: nextId++, name: l, color: 'ededed', description: null });
      const issue: FakeIssue = { id: nextId++, number: r.issues.length + 1, title: input.title, body: (input.body as string) ?? '', state: 'open', labels, assignees: (input.assignees as string[] | undefined) ?? [], isPullRequest: false, user: login, created_at: now(), updated_at: now(), closed_at: null };
      r.issues.push(issue);
      out.status = 201;
      return issueJson(r, issue);
    }
    if (a === 'issues' && b === 'comments' && c && method === 'PATCH') {
      const comment = r.comments.find((x) => x.id === Number(c));
      if (!comment) throw new HttpError(404, 'Not Found');
      const input = json(body);
      checkBody('IssueComment', input.body);
      comment.body = String(input.body ?? comment.body);
      comment.updated_at = now();
      return commentJson(r, comment);
    }
    if (a === 'issues' && b && /^\d+$/.test(b)) {
      const issue = r.issues.find((i) => i.number === Number(b));
      if (!issue) throw new HttpError(404, 'Not Found');
      if (!c && method === 'GET') return issueJson(r, issue);
      if (!c && method === 'PATCH') {
        const input = json(body);
        checkBody('Issue', input.body);
        if (typeof input.title === 'string') issue.title = input.title;
        if (typeof input.body === 'string') issue.body = input.body;
        if (input.state === 'open' || input.state === 'closed') {
          issue.state = input.state;
          issue.closed_at = input.state === 'closed' ? now() : null;
        }
        if (Array.isArray(input.labels)) issue.labels = input.labels as string[];
        if (Array.isArray(input.assignees)) issue.assignees = input.assignees as string[];
        issue.updated_at = now();
        return issueJson(r, issue);
      }
      if (c === 'comments' && method === 'GET') return paginate(r.comments.filter((x) => x.issue === issue.number), query, path, out).map((x) => commentJson(r, x));
      if (c === 'comments' && method === 'POST') {
        const input = json(body);
        if (typeof input.body !== 'string' || !input.body) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] });
        checkBody('IssueComment', input.body);
        const comment: FakeComment = { id: nextId++, issue: issue.number, body: input.body, user: login, created_at: now(), updated_at: now() };
        r.comments.push(comment);
        out.status = 201;
        return commentJson(r, comment);
      }
    }
    throw new HttpError(404, 'Not Found');
  }

  let used = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const query = Object.fromEntries(u.searchParams);
      const out = { headers: {} as Record<string, string>, status: 200 };
      let payload: unknown;
      used++;
      const rate = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(5000 - used), 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), 'x-ratelimit-used': String(used), 'x-ratelimit-resource': 'core' };
      try {
        const auth = /^(?:token|Bearer) (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        const login = tokens.get(auth);
        if (!login) throw new HttpError(401, 'Bad credentials');
        if (method !== 'GET' && knobs.secondaryLimitNext > 0) {
          knobs.secondaryLimitNext--;
          throw new HttpError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.', {}, { 'retry-after': String(knobs.retryAfterSeconds) });
        }
        const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
        payload = route(method, parts, query, body, u.pathname, out, login, auth);
        if (method === 'POST' && out.status === 201 && /\/issues(?:\/\d+\/comments)?$/.test(u.pathname) && knobs.loseCreateNext > 0) {
          knobs.loseCreateNext--;
          if (knobs.loseCreateAs === 'drop') {
            log.push({ method, path: u.pathname, query, status: 0, body, response: undefined });
            return void res.destroy();
          }
          throw new HttpError(502, 'Server Error');
        }
        if (knobs.omit.length || knobs.nullify.length) payload = leaveOut(payload, schemaOf(parts), knobs);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        out.status = e.status;
        payload = e.body;
        Object.assign(out.headers, e.headers);
      }
      log.push({ method, path: u.pathname, query, status: out.status, body, response: payload });
      setTimeout(() => {
        res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': `FAKE:${log.length}`, ...rate, ...out.headers });
        res.end(JSON.stringify(payload));
      }, knobs.latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token,
    tokens,
    repos,
    orgs,
    installation,
    knobs,
    log,
    repo,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
