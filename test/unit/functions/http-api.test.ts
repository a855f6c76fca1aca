import { readFileSync } from "node:fs";
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "#intake/providers/list.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken } from "#links/unsubscribe-token.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { HTTP_API_ROUTES, splitRouteKey } from "../../../functions/http-api/route-keys.ts";
import { httpEvent, stagedHttpEvent } from "./events.ts";

const webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const unsubscribeKeyring = parseKeyring(`k1=${"u".repeat(40)}`);

const snapshot = {
  type: "applicant.snapshot",
  submissionId: "form-42",
  applicant: {
    externalId: "ada",
    email: "ada@example.com",
    fullName: "Ada Okafor",
    timezone: "Africa/Lagos",
    matchYear: 2027,
    specialties: ["Internal Medicine"],
    visa: "J-1",
    graduation: "2024-06-30",
    medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
    programsPlanned: 80,
  },
};

function setup(legacyUnsubscribeSecret?: string) {
  const store = new InMemoryApplicantStore();
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(new Date("2030-01-01T00:00:00Z")),
    webhookSecret: async () => webhookSecret,
    unsubscribeKeys: {
      keyring: async () => unsubscribeKeyring,
      ...(legacyUnsubscribeSecret ? { legacySecret: async () => legacyUnsubscribeSecret } : {}),
    },
    logger: new Logger({ logLevel: "SILENT" }),
  });
  return { store, api };
}

function signedIntake(body: string, headers: Record<string, string> = {}) {
  return httpEvent({
    method: "POST",
    path: "/intake/webhook",
    headers: {
      "content-type": "application/json",
      ...signedHeaders(webhookSecret, "msg_1", body),
      ...headers,
    },
    body,
  });
}

function problemOf(response: { headers?: Record<string, unknown>; body?: string }) {
  expect(response.headers?.["content-type"]).toBe("application/problem+json");
  return JSON.parse(response.body ?? "") as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { path: string; message: string }[];
  };
}

describe("http-api", () => {
  it("answers GET /health with 200 JSON", async () => {
    const response = await setup().api(httpEvent({ method: "GET", path: "/health" }));
    expect(response).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
  });

  it("answers GET /favicon.ico with 204, so a browser opening a page logs no 404", async () => {
    const response = await setup().api(httpEvent({ method: "GET", path: "/favicon.ico" }));
    expect(response).toMatchObject({ statusCode: 204 });
  });

  it("routes under a named stage's path prefix", async () => {
    const event = stagedHttpEvent();
    const response = await setup().api({
      ...event,
      rawPath: "/default/health",
      requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: "GET" } },
    });
    expect(response.statusCode).toBe(200);
  });

  describe("POST /intake/webhook", () => {
    it("stores a signed snapshot and answers 202 with the applicant id and outcome", async () => {
      const { api, store } = setup();
      const response = await api(signedIntake(JSON.stringify(snapshot)));
      expect(response.statusCode).toBe(202);
      expect(JSON.parse(response.body ?? "")).toEqual({ applicantId: "a_ada", outcome: "created" });
      expect(store.applicants.has("a_ada")).toBe(true);
    });

    it("verifies the signature over the decoded bytes of a base64 body", async () => {
      const { api } = setup();
      const body = JSON.stringify(snapshot);
      const event = signedIntake(body);
      const response = await api({
        ...event,
        body: Buffer.from(body).toString("base64"),
        isBase64Encoded: true,
      });
      expect(response.statusCode).toBe(202);
    });

    it("answers a redelivery as a duplicate", async () => {
      const { api } = setup();
      await api(signedIntake(JSON.stringify(snapshot)));
      const again = await api(signedIntake(JSON.stringify(snapshot)));
      expect(JSON.parse(again.body ?? "")).toMatchObject({ outcome: "duplicate" });
    });

    it("refuses a bad signature with 401 and stores nothing", async () => {
      const { api, store } = setup();
      const response = await api(signedIntake(JSON.stringify(snapshot), { "webhook-signature": "v1,AAAA" }));
      expect(response.statusCode).toBe(401);
      expect(problemOf(response)).toMatchObject({
        status: 401,
        type: "urn:matchpath:problem:invalid-signature",
      });
      expect(store.calls.applySubmission).toBeUndefined();
    });

    it("refuses an old timestamp by the real clock, whatever the planning clock says", async () => {
      const body = JSON.stringify(snapshot);
      const stale = signedHeaders(webhookSecret, "msg_1", body, new Date(Date.now() - 10 * 60_000));
      const response = await setup().api(signedIntake(body, stale));
      expect(response.statusCode).toBe(401);
    });

    it("names each invalid field with 400 and stores nothing", async () => {
      const { api, store } = setup();
      const bad = { ...snapshot, applicant: { ...snapshot.applicant, email: "nope", matchYear: 1999 } };
      const response = await api(signedIntake(JSON.stringify(bad)));
      const problem = problemOf(response);
      expect(problem.status).toBe(400);
      expect(problem.errors?.map((error) => error.path).sort()).toEqual([
        "applicant.email",
        "applicant.matchYear",
      ]);
      expect(store.calls.applySubmission).toBeUndefined();
    });

    it("refuses with 400 an interview whose startsAt offset is not its time zone's, naming the field", async () => {
      const { api, store } = setup();
      const interview = { program: "Rush IM", timezone: "America/Chicago", format: "virtual" };
      const bad = {
        ...snapshot,
        interviews: [{ ...interview, startsAt: "2026-11-12T10:00:00-05:00" }],
      };
      const problem = problemOf(await api(signedIntake(JSON.stringify(bad))));
      expect(problem.status).toBe(400);
      expect(problem.errors).toEqual([
        {
          path: "interviews.0.startsAt",
          message: expect.stringContaining("is -05:00 but America/Chicago is -06:00 on 12 Nov 2026"),
        },
      ]);
      expect(store.calls.applySubmission).toBeUndefined();
      const good = { ...bad, interviews: [{ ...interview, startsAt: "2026-11-12T10:00:00-06:00" }] };
      expect((await api(signedIntake(JSON.stringify(good)))).statusCode).toBe(202);
    });

    it("answers 400 for a body that is not JSON", async () => {
      const problem = problemOf(await setup().api(signedIntake("{not json")));
      expect(problem).toMatchObject({
        status: 400,
        errors: [{ path: "(root)", message: "must be valid JSON" }],
      });
    });

    it("answers 413 for a body over 256 KB before verifying or parsing it, base64 included", async () => {
      const big = "x".repeat(256 * 1024 + 1);
      const { api, store } = setup();
      const plain = await api(signedIntake(big, { "webhook-signature": "v1,unchecked" }));
      expect(problemOf(plain)).toMatchObject({
        status: 413,
        type: "about:blank",
        title: "Content Too Large",
      });
      const encoded = signedIntake("", { "webhook-signature": "v1,unchecked" });
      const base64 = await api({
        ...encoded,
        body: Buffer.from(big).toString("base64"),
        isBase64Encoded: true,
      });
      expect(base64.statusCode).toBe(413);
      expect(store.calls.applySubmission).toBeUndefined();
    });

    it("answers 415 for a body that is not application/json", async () => {
      const response = await setup().api(
        signedIntake("a=b", { "content-type": "application/x-www-form-urlencoded" }),
      );
      expect(problemOf(response).status).toBe(415);
    });

    it("answers 422 for a milestone update naming an unknown applicant", async () => {
      const update = {
        type: "milestone.update",
        submissionId: "form-43",
        applicant: { externalId: "nobody" },
        milestones: [{ key: "usmle_step1", status: "done", date: "2025-05-01" }],
      };
      const problem = problemOf(await setup().api(signedIntake(JSON.stringify(update))));
      expect(problem).toMatchObject({ status: 422, type: "urn:matchpath:problem:unknown-applicant" });
    });

    it("answers 500 without internals when the store fails", async () => {
      const { api, store } = setup();
      store.failNext.applySubmission = new Error(
        "ProvisionedThroughputExceeded at arn:aws:dynamodb:secret-table",
      );
      const response = await api(signedIntake(JSON.stringify(snapshot)));
      const problem = problemOf(response);
      expect(problem.status).toBe(500);
      expect(response.body).not.toContain("secret-table");
      expect(response.body).not.toContain("Provisioned");
    });
  });

  describe("routing", () => {
    it("answers an unknown path with 404 problem+json", async () => {
      const response = await setup().api(httpEvent({ method: "GET", path: "/nope" }));
      expect(problemOf(response)).toMatchObject({ status: 404, title: "Not Found" });
    });

    it("answers a known path with the wrong method with 405 and Allow", async () => {
      const response = await setup().api(httpEvent({ method: "DELETE", path: "/intake/webhook" }));
      expect(problemOf(response).status).toBe(405);
      expect(response.headers?.allow).toBe("POST");
    });

    it("serves exactly the routes of its list (the list API Gateway is given), a provider's path for each provider", async () => {
      const allowed = new Map<string, string[]>();
      for (const key of HTTP_API_ROUTES) {
        const { method, path } = splitRouteKey(key);
        const paths = path.includes("{provider}")
          ? PROVIDERS.map((name) => path.replace("{provider}", name))
          : [path];
        for (const concrete of paths) allowed.set(concrete, [...(allowed.get(concrete) ?? []), method]);
      }
      // 9 paths: health, favicon, webhook, unsubscribe, timeline, actions, calendar, preferences, fresh-link.
      expect(allowed.size).toBe(9 + PROVIDERS.length);
      for (const [path, methods] of allowed) {
        const response = await setup().api(httpEvent({ method: "DELETE", path }));
        expect(problemOf(response).status, path).toBe(405);
        expect(response.headers?.allow, path).toBe(methods.join(", "));
      }
      const unlisted = await setup().api(httpEvent({ method: "GET", path: "/intake/formstack" }));
      expect(problemOf(unlisted).status).toBe(404);
    });
  });

  describe("/unsubscribe", () => {
    const rfc = readFileSync(
      new URL("../intake/fixtures/rfc8058.one-click-unsubscribe.txt", import.meta.url),
      "utf8",
    );
    const multipartBody =
      '---FormBoundaryjWmhtjORrn\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n---FormBoundaryjWmhtjORrn--';
    const token = createUnsubscribeToken(unsubscribeKeyring, "a_ada", new Date("2029-12-01T00:00:00Z"));

    function withApplicant() {
      const deps = setup();
      deps.store.add(profileFactory());
      return deps;
    }

    it("the RFC 8058 fixture still carries the bodies tested here", () => {
      expect(rfc).toContain("List-Unsubscribe=One-Click");
      expect(rfc).toContain("---FormBoundaryjWmhtjORrn");
      expect(Buffer.byteLength(multipartBody)).toBe(124);
    });

    it.each([
      ["urlencoded", "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"],
      [
        "urlencoded with trailing CRLF",
        "application/x-www-form-urlencoded",
        "List-Unsubscribe=One-Click\r\n",
      ],
      [
        "multipart as printed in RFC 8058 §8.3",
        "multipart/form-data; boundary=---FormBoundaryjWmhtjORrn",
        multipartBody,
      ],
      [
        "multipart per RFC 7578",
        "multipart/form-data; boundary=b0undary",
        '--b0undary\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b0undary--\r\n',
      ],
    ])("POST one-click (%s) unsubscribes with 200 and no redirect", async (_name, contentType, body) => {
      const { api, store } = withApplicant();
      const response = await api(
        httpEvent({
          method: "POST",
          path: "/unsubscribe",
          query: `token=${encodeURIComponent(token)}`,
          headers: { "content-type": contentType },
          body: Buffer.from(body),
        }),
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers?.location).toBeUndefined();
      expect(store.state("a_ada").profile.unsubscribedAt).toBe("2030-01-01T00:00:00.000Z");
      expect(store.suppressed.has("ada@example.com")).toBe(true);
    });

    // Boundaries whose text also occurs inside the part (in "Content-Disposition", "form-data",
    // "List-Unsubscribe", "One-Click"): a delimiter is CRLF "--" boundary, nothing less (RFC 2046 §5.1.1).
    it.each(["b", "e", "form", "n", "One-Click", "'()+_,-./:=?", "x".repeat(70)])(
      "POST one-click multipart with boundary %j unsubscribes",
      async (boundary) => {
        const { api, store } = withApplicant();
        const body = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
        const response = await api(
          httpEvent({
            method: "POST",
            path: "/unsubscribe",
            query: `token=${encodeURIComponent(token)}`,
            headers: { "content-type": `multipart/form-data; boundary="${boundary}"` },
            body: Buffer.from(body),
          }),
        );
        expect(response.statusCode).toBe(200);
        expect(store.suppressed.has("ada@example.com")).toBe(true);
      },
    );

    it("refuses a multipart body whose field is not One-Click, or that is cut short", async () => {
      for (const body of [
        '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nYes\r\n--b--\r\n',
        '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Cl',
        "One-Click",
      ]) {
        const { api, store } = withApplicant();
        const response = await api(
          httpEvent({
            method: "POST",
            path: "/unsubscribe",
            query: `token=${encodeURIComponent(token)}`,
            headers: { "content-type": "multipart/form-data; boundary=b" },
            body: Buffer.from(body),
          }),
        );
        expect(problemOf(response).status).toBe(400);
        expect(store.calls.unsubscribe).toBeUndefined();
      }
    });

    it("a link from an email sent before the keyring still unsubscribes at once while its secret is configured, and not after", async () => {
      // Minted by the pre-keyring createUnsubscribeToken for "a_ada" (see test/unit/links/unsubscribe-token.test.ts).
      const legacySecret = "legacy-unsubscribe-secret-".padEnd(40, "x");
      const legacy =
        "eyJzdWIiOiJhX2FkYSIsImlhdCI6MTc4OTYzMjAwMH0.gUnoRDeeh6SFHaLc2OytjeoDRV6JJ6e5QQlPHCf1-dU";
      const oneClick = (api: ReturnType<typeof setup>["api"]) =>
        api(
          httpEvent({
            method: "POST",
            path: "/unsubscribe",
            query: `token=${encodeURIComponent(legacy)}`,
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: Buffer.from("List-Unsubscribe=One-Click"),
          }),
        );
      const during = setup(legacySecret);
      during.store.add(profileFactory());
      const page = await during.api(
        httpEvent({ method: "GET", path: "/unsubscribe", query: `token=${encodeURIComponent(legacy)}` }),
      );
      expect(page.statusCode).toBe(200);
      expect(during.store.calls.unsubscribe).toBeUndefined();
      expect((await oneClick(during.api)).statusCode).toBe(200);
      expect(during.store.suppressed.has("ada@example.com")).toBe(true);

      const after = withApplicant();
      expect(problemOf(await oneClick(after.api))).toMatchObject({
        status: 401,
        errors: [{ path: "token" }],
      });
      expect(after.store.calls.unsubscribe).toBeUndefined();
    });

    it("refuses a POST with a forged token and writes nothing", async () => {
      const { api, store } = withApplicant();
      const response = await api(
        httpEvent({
          method: "POST",
          path: "/unsubscribe",
          query: `token=${encodeURIComponent(createUnsubscribeToken(parseKeyring(`k1=${"z".repeat(40)}`), "a_ada", new Date()))}`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: Buffer.from("List-Unsubscribe=One-Click"),
        }),
      );
      expect(problemOf(response)).toMatchObject({ status: 401, errors: [{ path: "token" }] });
      expect(store.calls.unsubscribe).toBeUndefined();
    });

    it("answers a GET with a tampered token with 401 and a clear page, and writes nothing", async () => {
      const { api, store } = withApplicant();
      const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
      const response = await api(
        httpEvent({ method: "GET", path: "/unsubscribe", query: `token=${encodeURIComponent(tampered)}` }),
      );
      expect(response.statusCode).toBe(401);
      expect(response.headers?.["content-type"]).toContain("text/html");
      expect(response.body).toContain("This unsubscribe link is not valid");
      expect(response.body).toContain("Nothing was changed");
      expect(store.calls.unsubscribe).toBeUndefined();
    });

    it("refuses a POST that is not a one-click form", async () => {
      const { api, store } = withApplicant();
      const response = await api(
        httpEvent({
          method: "POST",
          path: "/unsubscribe",
          query: `token=${encodeURIComponent(token)}`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: Buffer.from("List-Unsubscribe=Yes"),
        }),
      );
      expect(problemOf(response).status).toBe(400);
      expect(store.calls.unsubscribe).toBeUndefined();
    });

    it("GET shows a confirmation page with a POST form and does NOT unsubscribe", async () => {
      const { api, store } = withApplicant();
      const response = await api(
        httpEvent({ method: "GET", path: "/unsubscribe", query: `token=${encodeURIComponent(token)}` }),
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers?.["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toContain('<form method="post"');
      expect(response.body).toContain('name="List-Unsubscribe" value="One-Click"');
      expect(store.calls.unsubscribe).toBeUndefined();
      expect(store.state("a_ada").profile.unsubscribedAt).toBeUndefined();
    });

    it("every unsubscribe page uses the applicant pages' shell and headers: main landmark, noindex, no inline style", async () => {
      const { api } = withApplicant();
      const get = await api(
        httpEvent({ method: "GET", path: "/unsubscribe", query: `token=${encodeURIComponent(token)}` }),
      );
      const refused = await api(httpEvent({ method: "GET", path: "/unsubscribe", query: "token=forged" }));
      const done = await api(
        httpEvent({
          method: "POST",
          path: "/unsubscribe",
          query: `token=${encodeURIComponent(token)}`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: Buffer.from("List-Unsubscribe=One-Click"),
        }),
      );
      for (const response of [get, refused, done]) {
        expect(response.headers).toMatchObject({
          "x-robots-tag": "noindex, nofollow",
          "referrer-policy": "no-referrer",
          "cache-control": "no-store",
          "x-frame-options": "DENY",
        });
        expect(String(response.headers?.["content-security-policy"])).not.toContain("unsafe-inline");
        expect(response.body).toMatch(/<main>\s*<h1>[^<]+<\/h1>/);
        expect(response.body).toContain('<meta name="robots" content="noindex, nofollow">');
      }
    });

    it("GET with an invalid token shows an error page", async () => {
      const response = await setup().api(
        httpEvent({ method: "GET", path: "/unsubscribe", query: "token=forged" }),
      );
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain("not valid");
    });
  });
});
