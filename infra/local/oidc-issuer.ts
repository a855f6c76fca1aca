import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { closeServer } from "./eventbridge-local.ts";
import { signInPage } from "./oidc-sign-in.ts";

/**
 * A real OpenID Connect issuer on one machine (DESIGN decision 13), standing in for the Cognito
 * user pool: discovery, a JWKS with a fresh RS256 key, an authorization endpoint with a sign-in
 * form, and a token endpoint for the authorization-code flow with PKCE (S256, required). Its ID
 * tokens carry the claims Cognito's do (`email`, `cognito:groups`, `token_use: "id"`), so the
 * console verifies them with the very code it uses in the cloud, fetching this issuer's keys.
 *
 * Local only: passwords are compared as given, there is no MFA, and codes live in memory.
 */
export interface LocalUser {
  email: string;
  password: string;
  /** "admin" makes an admin (Cognito group of that name). */
  groups: string[];
}

export interface LocalOidcIssuerOptions {
  port?: number;
  host?: string;
  /** The one app client: its id is the tokens' audience. */
  clientId: string;
  /** Redirect URIs the client may use (exact match, as Cognito checks callback URLs). */
  redirectUris: () => readonly string[];
  users: readonly LocalUser[];
  /** ID token lifetime; default 1 hour (Cognito's default). */
  tokenTtlSeconds?: number;
}

export interface LocalOidcIssuer {
  issuer: string;
  clientId: string;
  stop(): Promise<void>;
}

interface PendingCode {
  email: string;
  groups: string[];
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  expiresAt: number;
}

const CODE_TTL_MS = 5 * 60_000;

export async function startLocalOidcIssuer(options: LocalOidcIssuerOptions): Promise<LocalOidcIssuer> {
  const host = options.host ?? "127.0.0.1";
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const codes = new Map<string, PendingCode>();
  let issuer = "";

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent)
        send(response, 500, "application/json", JSON.stringify({ error: "server_error" }));
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", issuer);
    const method = request.method ?? "GET";
    if (method === "OPTIONS") {
      // The console's sign-in page exchanges the code from the browser (a public client, as with Cognito).
      response.writeHead(204, corsHeaders(request));
      response.end();
      return;
    }
    if (url.pathname === "/.well-known/openid-configuration" && method === "GET") {
      sendJson(
        response,
        200,
        {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          response_types_supported: ["code"],
          grant_types_supported: ["authorization_code"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
          scopes_supported: ["openid", "email"],
          token_endpoint_auth_methods_supported: ["none"],
          code_challenge_methods_supported: ["S256"],
          claims_supported: ["sub", "email", "email_verified", "cognito:groups", "token_use"],
        },
        request,
      );
      return;
    }
    if (url.pathname === "/.well-known/jwks.json" && method === "GET") {
      sendJson(response, 200, { keys: [jwk] }, request);
      return;
    }
    if (url.pathname === "/authorize" && method === "GET") {
      const problem = authorizeProblem(url.searchParams);
      if (problem) return send(response, 400, "text/plain; charset=utf-8", problem);
      return send(response, 200, "text/html; charset=utf-8", signInPage(url.searchParams));
    }
    if (url.pathname === "/authorize" && method === "POST") {
      const form = new URLSearchParams(await readBody(request));
      const problem = authorizeProblem(form);
      if (problem) return send(response, 400, "text/plain; charset=utf-8", problem);
      const email = (form.get("username") ?? "").trim().toLowerCase();
      const user = options.users.find((candidate) => candidate.email.toLowerCase() === email);
      if (user === undefined || !sameText(user.password, form.get("password") ?? "")) {
        return send(
          response,
          401,
          "text/html; charset=utf-8",
          signInPage(form, "Incorrect email or password."),
        );
      }
      const code = randomBytes(24).toString("base64url");
      codes.set(code, {
        email: user.email.toLowerCase(),
        groups: user.groups,
        clientId: form.get("client_id") ?? "",
        redirectUri: form.get("redirect_uri") ?? "",
        codeChallenge: form.get("code_challenge") ?? "",
        ...(form.get("nonce") ? { nonce: form.get("nonce") ?? "" } : {}),
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      const target = new URL(form.get("redirect_uri") ?? "");
      target.searchParams.set("code", code);
      if (form.get("state")) target.searchParams.set("state", form.get("state") ?? "");
      response.writeHead(302, { location: target.toString(), "cache-control": "no-store" });
      response.end();
      return;
    }
    if (url.pathname === "/token" && method === "POST") {
      const form = new URLSearchParams(await readBody(request));
      const code = form.get("code") ?? "";
      const pending = codes.get(code);
      codes.delete(code);
      const verifier = form.get("code_verifier") ?? "";
      if (
        form.get("grant_type") !== "authorization_code" ||
        pending === undefined ||
        pending.expiresAt < Date.now() ||
        pending.clientId !== form.get("client_id") ||
        pending.redirectUri !== form.get("redirect_uri") ||
        createHash("sha256").update(verifier).digest("base64url") !== pending.codeChallenge
      ) {
        return sendJson(response, 400, { error: "invalid_grant" }, request);
      }
      const ttl = options.tokenTtlSeconds ?? 3600;
      const idToken = await new SignJWT({
        email: pending.email,
        email_verified: true,
        "cognito:groups": pending.groups,
        token_use: "id",
        ...(pending.nonce ? { nonce: pending.nonce } : {}),
      })
        .setProtectedHeader({ alg: "RS256", kid })
        .setIssuer(issuer)
        .setAudience(options.clientId)
        .setSubject(createHash("sha256").update(pending.email).digest("hex").slice(0, 32))
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`)
        .sign(privateKey);
      return sendJson(response, 200, { id_token: idToken, token_type: "Bearer", expires_in: ttl }, request);
    }
    sendJson(response, 404, { error: "not_found" }, request);
  }

  function authorizeProblem(params: URLSearchParams): string | undefined {
    if (params.get("response_type") !== "code") return "response_type must be code";
    if (params.get("client_id") !== options.clientId) return "unknown client_id";
    if (!options.redirectUris().includes(params.get("redirect_uri") ?? ""))
      return "redirect_uri is not registered";
    if (params.get("code_challenge_method") !== "S256" || !params.get("code_challenge"))
      return "PKCE with code_challenge_method S256 is required";
    if (!(params.get("scope") ?? "").split(" ").includes("openid")) return "scope must include openid";
    return undefined;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { issuer, clientId: options.clientId, stop: () => closeServer(server) };
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  return origin
    ? {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": "content-type",
        vary: "origin",
      }
    : {};
}

function sendJson(response: ServerResponse, status: number, body: unknown, request: IncomingMessage): void {
  send(response, status, "application/json", JSON.stringify(body), corsHeaders(request));
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...headers,
  });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
