/**
 * Whose token this is: a user (a personal access token), or a GitHub App installation such as the
 * workflow token, which has no user of its own and writes as `<app>[bot]`.
 */
export type TokenIdentity = { readonly kind: 'user'; readonly login: string } | { readonly kind: 'app' };

export interface Author {
  readonly login: string;
  /** GitHub's account type: User, Bot, Organization. */
  readonly type: string;
}

/**
 * Whether an issue or comment was written by this token, so that it may be edited or closed.
 * A user token owns what its login wrote. An installation token cannot ask who it is (GET /user
 * is denied), so it owns what a bot account wrote: no person's text is ever rewritten.
 */
export function writtenBy(author: Author | undefined, identity: TokenIdentity): boolean {
  if (author === undefined) return false;
  return identity.kind === 'user' ? author.login.toLowerCase() === identity.login.toLowerCase() : author.type === 'Bot';
}
