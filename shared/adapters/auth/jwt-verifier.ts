import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { UnauthorizedError } from "#errors";
import type { TokenVerifier } from "#ports/token-verifier.ts";

export interface JwtVerifierOptions {
  /** The issuer (`iss`), e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC or the local issuer. */
  issuer: string;
  /** The app client id: an ID token's `aud`. */
  audience: string;
  /** Default `<issuer>/.well-known/jwks.json`, where Cognito and the local issuer both publish their keys. */
  jwksUrl?: string;
  /** The group whose members are admins (Cognito's `cognito:groups` claim). Default "admin". */
  adminGroup?: string;
}

/**
 * Verifies OpenID Connect ID tokens against the issuer's published keys (JWKS, fetched and cached
 * by jose, refetched when a token names an unknown key id). The same code runs in the cloud, where
 * API Gateway's JWT authorizer has already checked the token (this is the second, in-function check
 * that also yields the role), and on one machine against the local issuer.
 *
 * Cognito puts `email` and `cognito:groups` in ID tokens, not access tokens, so the console's bearer
 * is the ID token and `aud` is the app client id. Throws UnauthorizedError for a token that is not
 * valid, not an ID token, or whose email is missing or not verified (`email_verified`).
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 */
export function jwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const jwksUrl = new URL(options.jwksUrl ?? `${options.issuer.replace(/\/$/, "")}/.well-known/jwks.json`);
  // Built on the first token, not at cold start: jose's key set builds a fetch `Headers`, which makes
  // Node load its fetch implementation (undici, about 10 ms of module init) before any request needs it.
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const adminGroup = options.adminGroup ?? "admin";
  return {
    async verify(token) {
      if (token === undefined || token === "") throw new UnauthorizedError("No bearer token");
      let payload: JWTPayload;
      try {
        jwks ??= createRemoteJWKSet(jwksUrl);
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ["RS256"],
          requiredClaims: ["sub", "exp", "iat"],
        }));
      } catch (error) {
        throw new UnauthorizedError("The token is not valid", { cause: error });
      }
      if (payload.token_use !== undefined && payload.token_use !== "id")
        throw new UnauthorizedError("Not an ID token");
      if (typeof payload.email !== "string" || payload.email === "")
        throw new UnauthorizedError("The token carries no email");
      // The email decides which applicants an advisor sees, so it must be one the issuer verified:
      // a Cognito user who changes their own email attribute gets ID tokens with the new address
      // and `email_verified: false` until they confirm it (the pool also keeps the original until
      // then: AdvisorConsole's keepOriginal). Cognito sends a boolean; some issuers send "true".
      if (payload.email_verified !== true && payload.email_verified !== "true")
        throw new UnauthorizedError("The token's email is not verified");
      const groups = payload["cognito:groups"];
      const isAdmin = Array.isArray(groups) && groups.includes(adminGroup);
      return {
        sub: String(payload.sub),
        email: payload.email.toLowerCase(),
        role: isAdmin ? "admin" : "advisor",
      };
    },
  };
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization?.trim() ?? "");
  return match?.[1];
}
