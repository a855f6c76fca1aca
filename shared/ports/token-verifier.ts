/** Who is signed in to the console, from a verified token. */
export interface Principal {
  /** The issuer's stable subject id. */
  sub: string;
  /** Lower-cased email: an advisor sees applicants whose advisorEmail is this. */
  email: string;
  /** "admin" sees every applicant; "advisor" only their own. */
  role: "admin" | "advisor";
}

/** Verifies a bearer token (an OpenID Connect ID token) and says who holds it. */
export interface TokenVerifier {
  /** Throws UnauthorizedError for a missing, malformed, expired or foreign token. */
  verify(token: string | undefined): Promise<Principal>;
}
