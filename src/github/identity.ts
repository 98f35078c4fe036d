import type { GitHubClient } from './octokit.ts';

/**
 * The login keyguard writes as, as REST shows it on issues and comments: `github-actions[bot]`
 * for GITHUB_TOKEN, `<app-slug>[bot]` for an App token, the user for a personal token. Asked of
 * GitHub with GraphQL's `viewer`, which answers for every kind of token (REST `GET /user` refuses
 * installation tokens). GraphQL may name a bot without the `[bot]` suffix REST shows; it is added.
 */
export async function ownLogin(octokit: GitHubClient): Promise<string> {
  const { viewer } = await octokit.graphql<{ viewer: { login: string; __typename: string } }>('query { viewer { login __typename } }');
  return viewer.__typename === 'Bot' && !viewer.login.endsWith('[bot]') ? `${viewer.login}[bot]` : viewer.login;
}
