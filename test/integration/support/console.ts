import { inject } from "vitest";
import { signInLocally } from "#local/oidc-sign-in.ts";

/** The local stack's console accounts (LOCAL_CONSOLE_USERS). */
export const ADMIN = "admin@matchpath.example";
export const HELEN = "helen.advisor@matchpath.example";
export const DANIEL = "daniel.advisor@matchpath.example";

/** Signs in through the local OpenID Connect issuer's real endpoints and returns the ID token. */
export async function signIn(email: string): Promise<string> {
  const console = inject("console");
  return signInLocally(
    { issuer: console.issuer, clientId: console.clientId, stop: async () => undefined },
    console.url,
    email,
    console.password,
  );
}

/** A request to a console route with (or without) a bearer token. */
export async function consoleRequest(
  path: string,
  options: {
    token?: string;
    method?: string;
    form?: Record<string, string> | URLSearchParams;
    htmx?: boolean;
  } = {},
): Promise<{ status: number; contentType: string | null; body: string }> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.htmx) headers["hx-request"] = "true";
  const response = await fetch(`${inject("apiUrl")}${path}`, {
    method: options.method ?? (options.form ? "POST" : "GET"),
    headers,
    ...(options.form ? { body: new URLSearchParams(options.form) } : {}),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: await response.text(),
  };
}
