import { createHash, randomBytes, randomUUID } from "node:crypto";
import { escapeHtml } from "#email/html.ts";
import type { LocalOidcIssuer } from "./oidc-issuer.ts";

/** The local issuer's sign-in form; the authorization request rides along in hidden fields. */
export function signInPage(params: URLSearchParams, error?: string): string {
  const hidden = [
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
  ]
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? "")}">`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Sign in to the Matchpath console</title><link rel="icon" href="data:,">
<style>body{font-family:system-ui,Arial,sans-serif;max-width:360px;margin:60px auto;color:#1b1b1b}label{display:block;margin:12px 0 4px}input[type=email],input[type=password]{width:100%;padding:8px;box-sizing:border-box}button{margin-top:16px;padding:8px 16px}.error{color:#a30000}</style>
</head><body><main>
<h1>Sign in</h1>
<p>Local OpenID Connect issuer for the Matchpath console.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/authorize">
${hidden}
<label for="username">Email</label><input id="username" name="username" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form></main></body></html>`;
}

/**
 * Signs in through the issuer's real endpoints, as a browser would (authorize form, redirect with a
 * code, PKCE token exchange), and returns the ID token. For tests, the demo and the benchmark.
 */
export async function signInLocally(
  issuer: LocalOidcIssuer,
  redirectUri: string,
  email: string,
  password: string,
): Promise<string> {
  const verifier = randomBytes(32).toString("base64url");
  const form = new URLSearchParams({
    response_type: "code",
    client_id: issuer.clientId,
    redirect_uri: redirectUri,
    scope: "openid email",
    state: randomUUID(),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    username: email,
    password,
  });
  const authorized = await fetch(`${issuer.issuer}/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = authorized.headers.get("location");
  if (authorized.status !== 302 || location === null)
    throw new Error(`sign-in refused (${authorized.status})`);
  const code = new URL(location).searchParams.get("code") ?? "";
  const token = await fetch(`${issuer.issuer}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      client_id: issuer.clientId,
      code_verifier: verifier,
    }),
  });
  const body = (await token.json()) as { id_token?: string };
  if (!token.ok || body.id_token === undefined) throw new Error(`token exchange failed (${token.status})`);
  return body.id_token;
}
