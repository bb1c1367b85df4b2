import { createHmac, timingSafeEqual } from 'node:crypto';

/** Outcome of reading a token, split the way the Romsoft auth handler answers it. */
export type JwtCheck =
  | { kind: 'valid'; payload: Record<string, unknown> }
  /** Not a JWT at all: the server answers 500. */
  | { kind: 'malformed' }
  /** A JWT that fails validation: the server answers 401. */
  | { kind: 'rejected'; reason: string };

export interface JwtExpectations {
  secret: Buffer;
  issuer: string;
  audience: string;
  nowSeconds: number;
}

/** Signs a payload as a compact HS256 JWT. */
export function signJwt(payload: object, secret: Buffer): string {
  const header = encodePart({ alg: 'HS256', typ: 'JWT' });
  const body = encodePart(payload);
  return `${header}.${body}.${signature(`${header}.${body}`, secret)}`;
}

/**
 * Checks shape, signature, issuer, audience and lifetime. There is no clock skew
 * allowance: a token is refused from the second its `exp` has passed.
 */
export function checkJwt(token: string, expected: JwtExpectations): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    return { kind: 'malformed' };
  }

  const header = decodePart(parts[0]);
  const payload = decodePart(parts[1]);
  if (!header || !payload) {
    return { kind: 'malformed' };
  }

  if (header.alg !== 'HS256') {
    return { kind: 'rejected', reason: 'algorithm' };
  }
  const expectedSignature = Buffer.from(signature(`${parts[0]}.${parts[1]}`, expected.secret));
  const givenSignature = Buffer.from(parts[2]);
  if (
    givenSignature.length !== expectedSignature.length ||
    !timingSafeEqual(givenSignature, expectedSignature)
  ) {
    return { kind: 'rejected', reason: 'signature' };
  }

  return checkClaims(payload, expected);
}

/** The payload of a token without any check, for tests that inspect the claims. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  return decodePart(token.split('.')[1] ?? '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function checkClaims(payload: Record<string, unknown>, expected: JwtExpectations): JwtCheck {
  if (payload.iss !== expected.issuer) {
    return { kind: 'rejected', reason: 'issuer' };
  }

  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(expected.audience)) {
    return { kind: 'rejected', reason: 'audience' };
  }

  // Like .NET's handler, an expiry is required and a not-before is optional.
  if (typeof payload.exp !== 'number' || payload.exp <= expected.nowSeconds) {
    return { kind: 'rejected', reason: 'expired' };
  }
  if (payload.nbf !== undefined) {
    if (typeof payload.nbf !== 'number' || payload.nbf > expected.nowSeconds) {
      return { kind: 'rejected', reason: 'not yet valid' };
    }
  }
  return { kind: 'valid', payload };
}

function encodePart(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodePart(part: string): Record<string, unknown> | undefined {
  if (part === '' || !BASE64URL.test(part)) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Not JSON: the caller treats the token as malformed.
  }
  return undefined;
}

function signature(signingInput: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}
