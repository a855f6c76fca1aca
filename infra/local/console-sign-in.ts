import { join } from "node:path";
import { type LocalOidcIssuer, type LocalUser, startLocalOidcIssuer } from "./oidc-issuer.ts";
import { loadOrCreateSecret, newSigningKey } from "./secrets.ts";

/**
 * The local issuer's accounts: one admin and the advisors the demo applicants name. Cognito's
 * "admin" group makes an admin; everyone else sees only the applicants they advise.
 */
export const LOCAL_CONSOLE_USERS = [
  { email: "admin@matchpath.example", groups: ["admin"] },
  { email: "helen.advisor@matchpath.example", groups: [] },
  { email: "daniel.advisor@matchpath.example", groups: [] },
] as const;

/** The console's app client id on the local issuer (the audience of its ID tokens). */
export const LOCAL_CONSOLE_CLIENT_ID = "matchpath-console-local";

export const DEFAULT_OIDC_PORT = 8010;

export interface LocalConsoleSignIn {
  issuer: LocalOidcIssuer;
  users: readonly LocalUser[];
  password: string;
  /** Where the password is kept, if on disk. */
  passwordFile?: string;
  /** The console function's sign-in configuration, as the cloud stack sets it from Cognito. */
  environment: Record<string, string>;
}

/**
 * Starts the console's local sign-in: the OpenID Connect issuer standing in for the Cognito user
 * pool, with the local accounts sharing one password (given, kept in dataDir, or generated).
 */
export async function startConsoleSignIn(options: {
  apiUrl: string;
  host: string;
  port?: number;
  dataDir?: string;
  password?: string;
}): Promise<LocalConsoleSignIn> {
  const passwordFile = options.dataDir ? join(options.dataDir, "console-password") : undefined;
  const password = await loadOrCreateSecret({
    name: "MATCHPATH_CONSOLE_PASSWORD",
    given: options.password ?? process.env.MATCHPATH_CONSOLE_PASSWORD,
    file: passwordFile,
    create: () => newSigningKey().slice(0, 16),
    validate: (value) => value.length >= 8,
  });
  const users: LocalUser[] = LOCAL_CONSOLE_USERS.map((user) => ({
    email: user.email,
    groups: [...user.groups],
    password: password.value,
  }));
  const issuer = await startLocalOidcIssuer({
    port: options.port ?? DEFAULT_OIDC_PORT,
    host: options.host,
    clientId: LOCAL_CONSOLE_CLIENT_ID,
    redirectUris: () => [`${options.apiUrl}/console`],
    users,
  });
  return {
    issuer,
    users,
    password: password.value,
    ...(passwordFile && password.origin !== "given" ? { passwordFile } : {}),
    environment: {
      CONSOLE_ISSUER: issuer.issuer,
      CONSOLE_CLIENT_ID: LOCAL_CONSOLE_CLIENT_ID,
      CONSOLE_AUTHORIZE_URL: `${issuer.issuer}/authorize`,
      CONSOLE_TOKEN_URL: `${issuer.issuer}/token`,
    },
  };
}
