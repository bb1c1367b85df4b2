// Reads the claims of a Romsoft JWT without verifying it: the extension
// only needs to know whose token it is and when it stops working. The
// server verifies; a forged token here would only fool our own display.

export interface TokenClaims {
  username?: string;
  expiresAt?: Date;
  notBefore?: Date;
  issuer?: string;
}

/** The token's claims, or undefined when it is not a JWT we can read. */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const parts = token.trim().replace(/^Bearer\s+/i, '').split('.');
  if (parts.length !== 3) {
    return undefined;
  }

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }

  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return undefined;
  }

  const claims = payload as Record<string, unknown>;
  return {
    username: typeof claims.unique_name === 'string' ? claims.unique_name : undefined,
    expiresAt: secondsToDate(claims.exp),
    notBefore: secondsToDate(claims.nbf),
    issuer: typeof claims.iss === 'string' ? claims.iss : undefined,
  };
}

/** True when the token carries an `exp` that has passed at `now`. */
export function isExpired(claims: TokenClaims, now: Date = new Date()): boolean {
  return claims.expiresAt !== undefined && claims.expiresAt.getTime() <= now.getTime();
}

function secondsToDate(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return undefined;
  }

  return new Date(value * 1000);
}
