import type { TokenService } from './tokens';

/** What the global auth handler concluded before routing. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'malformed' }
  | { kind: 'rejected' }
  | { kind: 'valid'; username: string };

/**
 * Reads the Authorization header from the raw header list, because Node's parsed headers
 * merge or drop repeats and the server must see them: more than one header counts as none.
 */
export function readCredential(rawHeaders: readonly string[], tokens: TokenService): Credential {
  const values = authorizationValues(rawHeaders);
  if (values.length !== 1 || values[0].trim() === '') {
    return { kind: 'none' };
  }

  // One leading "Bearer " is stripped; a bare token is accepted as it is.
  const token = values[0].trim().replace(/^Bearer /i, '');
  const check = tokens.check(token);
  return check.kind === 'valid' ? { kind: 'valid', username: check.username } : check;
}

export function authorizationValues(rawHeaders: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === 'authorization') {
      values.push(rawHeaders[i + 1]);
    }
  }
  return values;
}
