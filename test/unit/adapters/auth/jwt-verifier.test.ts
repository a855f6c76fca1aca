import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtVerifier } from "#adapters/auth/jwt-verifier.ts";
import { UnauthorizedError } from "#errors";

/**
 * The console's token check trusts `email` only when the issuer says it is verified:
 * in Cognito an advisor may change their own email attribute, and until the new
 * address is verified the ID token carries it with `email_verified: false`; taking that email as
 * the advisor's would show another advisor's applicants.
 */
describe("the console's ID token verifier", () => {
  const clientId = "console-client";
  let server: Server;
  let issuer: string;
  let sign: (claims: JWTPayload) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sign = (claims) =>
      new SignJWT({ token_use: "id", ...claims })
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject("advisor-1")
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verify = async (claims: JWTPayload) =>
    jwtVerifier({ issuer, audience: clientId }).verify(await sign(claims));

  it("accepts a verified email (Cognito's boolean, or the string some issuers send) and lower-cases it", async () => {
    await expect(verify({ email: "Priya.Advisor@Example.org", email_verified: true })).resolves.toEqual({
      sub: "advisor-1",
      email: "priya.advisor@example.org",
      role: "advisor",
    });
    await expect(
      verify({ email: "a@example.org", email_verified: "true", "cognito:groups": ["admin"] }),
    ).resolves.toMatchObject({ role: "admin" });
  });

  it.each([
    ["false", { email: "daniel.advisor@example.org", email_verified: false }],
    ["the string false", { email: "daniel.advisor@example.org", email_verified: "false" }],
    ["missing", { email: "daniel.advisor@example.org" }],
  ])("refuses an email whose verification is %s (401)", async (_case, claims) => {
    await expect(verify(claims)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
