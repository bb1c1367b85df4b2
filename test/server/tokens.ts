import { checkJwt, signJwt } from './jwt';

export const TOKEN_ISSUER = 'RomsoftGestionClinica';
export const TOKEN_AUDIENCE = 'RomsoftClinicas';

/** Ways a test can bend a token it mints: expired, early, foreign or badly signed ones. */
export interface TokenOverrides {
  lifetimeSeconds?: number;
  notBeforeOffsetSeconds?: number;
  issuer?: string;
  audience?: string;
  secret?: string;
}

export type TokenCheck =
  | { kind: 'valid'; username: string }
  | { kind: 'malformed' }
  | { kind: 'rejected' };

/** Issues and validates the server's tokens with one secret and one lifetime. */
export class TokenService {
  constructor(
    private readonly secret: Buffer,
    private readonly lifetimeMinutes: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  issue(username: string, overrides: TokenOverrides = {}): string {
    const now = Math.floor(this.nowMs() / 1000);
    const lifetime = overrides.lifetimeSeconds ?? this.lifetimeMinutes * 60;
    const notBefore = now + (overrides.notBeforeOffsetSeconds ?? 0);
    const secret = overrides.secret === undefined
      ? this.secret
      : Buffer.from(overrides.secret, 'utf8');

    // Claim order as .NET's handler writes it.
    const payload = {
      unique_name: username,
      nbf: notBefore,
      exp: now + lifetime,
      iat: now,
      iss: overrides.issuer ?? TOKEN_ISSUER,
      aud: overrides.audience ?? TOKEN_AUDIENCE,
    };
    return signJwt(payload, secret);
  }

  check(token: string): TokenCheck {
    const result = checkJwt(token, {
      secret: this.secret,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      nowSeconds: Math.floor(this.nowMs() / 1000),
    });

    if (result.kind !== 'valid') {
      return { kind: result.kind };
    }
    const name = result.payload.unique_name;
    return { kind: 'valid', username: typeof name === 'string' ? name : '' };
  }
}
