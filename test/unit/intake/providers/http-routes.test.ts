import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { MAPPING_FOLDERS, PROVIDERS } from "#intake/providers/list.ts";
import { signTally } from "#intake/providers/tally/tally.ts";
import { signTypeform } from "#intake/providers/typeform/typeform.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../../../functions/http-api/app.ts";
import { formIntakeFromFolders } from "../../../../functions/http-api/form-mappings.ts";
import { httpEvent } from "../../functions/events.ts";
import { crlf, fixtureBytes, fixtureText, TEST_SECRETS } from "./support.ts";

const ROOT = new URL("../../../../", import.meta.url).pathname;
const FORMS = MAPPING_FOLDERS.map((folder) => `${ROOT}${folder}`);
const now = new Date("2026-09-01T12:00:00Z");

function setup(
  // Every provider in the one list is connected unless a test says otherwise, so a new one is too.
  connected: readonly (keyof typeof TEST_SECRETS)[] = PROVIDERS,
) {
  const store = new InMemoryApplicantStore();
  const secrets = Object.fromEntries(connected.map((p) => [p, async () => TEST_SECRETS[p]]));
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(now),
    signatureClock: new FixedClock(now),
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
    forms: formIntakeFromFolders(secrets, FORMS),
  });
  return { store, api };
}

const typeformBody = fixtureBytes("typeform/example-payload.json");
const typeformEvent = (body: Buffer | string, signature = signTypeform(body, TEST_SECRETS.typeform)) =>
  httpEvent({
    method: "POST",
    path: "/intake/typeform",
    headers: { "content-type": "application/json", "typeform-signature": signature },
    body: body.toString(),
  });

function problem(response: { statusCode?: number; headers?: Record<string, unknown>; body?: string }) {
  expect(response.headers?.["content-type"]).toBe("application/problem+json");
  return JSON.parse(response.body ?? "{}") as {
    status: number;
    title: string;
    detail: string;
    errors?: unknown[];
  };
}

describe("POST /intake/<provider> through the HTTP API", () => {
  it("creates the applicant (202) and a provider retry is a duplicate, not a second applicant", async () => {
    const { api, store } = setup();
    const first = await api(typeformEvent(typeformBody));
    expect(first.statusCode).toBe(202);
    expect(JSON.parse(first.body ?? "")).toEqual({ applicantId: "a_abc123456", outcome: "created" });
    const retry = await api(typeformEvent(typeformBody));
    expect(JSON.parse(retry.body ?? "")).toMatchObject({ outcome: "duplicate" });
    expect(store.applicants.size).toBe(1);
  });

  it("Jotform: multipart with the URL token; a wrong token is 401", async () => {
    const { api } = setup();
    const body = crlf(fixtureText("jotform/applicant-intake.derived.multipart"));
    const headers = {
      "content-type": "multipart/form-data; boundary=------------------------J1JNT4vbVO4FCC1qLG4HSv",
    };
    const ok = await api(
      httpEvent({
        method: "POST",
        path: "/intake/jotform",
        query: `token=${TEST_SECRETS.jotform}`,
        headers,
        body: Buffer.from(body),
      }),
    );
    expect(ok.statusCode).toBe(202);
    const wrong = await api(
      httpEvent({ method: "POST", path: "/intake/jotform", query: "token=guess", headers, body }),
    );
    expect(problem(wrong).status).toBe(401);
  });

  it("a Google Forms intake, then a Tally progress update finds that applicant by external id", async () => {
    const { api, store } = setup();
    const intake = JSON.parse(fixtureText("google-forms/applicant-intake.body.json")) as {
      namedValues: Record<string, string[]>;
    };
    intake.namedValues["Applicant ID"] = ["Hello"];
    const googleBody = JSON.stringify(intake);
    const created = await api(
      httpEvent({
        method: "POST",
        path: "/intake/google-forms",
        headers: {
          "content-type": "application/json",
          ...signedHeaders(TEST_SECRETS["google-forms"], "msg_g1", googleBody, now),
        },
        body: googleBody,
      }),
    );
    expect(created.statusCode).toBe(202);
    const tallyBody = fixtureBytes("tally/example-webhook-event.json");
    const updated = await api(
      httpEvent({
        method: "POST",
        path: "/intake/tally",
        headers: {
          "content-type": "application/json",
          "tally-signature": signTally(tallyBody, TEST_SECRETS.tally),
        },
        body: tallyBody.toString(),
      }),
    );
    expect(JSON.parse(updated.body ?? "")).toEqual({ applicantId: "a_Hello", outcome: "updated" });
    expect(store.state("a_Hello").milestones).toContainEqual({
      key: "usmle_step2ck",
      status: "in_progress",
      date: "2023-06-28",
      score: 10,
    });
  });

  it("a progress update for nobody known is 422 and writes nothing", async () => {
    const { api, store } = setup();
    const tallyBody = fixtureBytes("tally/example-webhook-event.json");
    const response = await api(
      httpEvent({
        method: "POST",
        path: "/intake/tally",
        headers: { "tally-signature": signTally(tallyBody, TEST_SECRETS.tally) },
        body: tallyBody.toString(),
      }),
    );
    expect(problem(response).status).toBe(422);
    expect(store.applicants.size).toBe(0);
  });

  it("401 for a wrong signature, as problem+json", async () => {
    const { api } = setup();
    expect(problem(await api(typeformEvent(typeformBody, "sha256=AAAA"))).status).toBe(401);
  });

  it("404 naming an unmapped form", async () => {
    const { api } = setup();
    const body = JSON.stringify({ event_id: "e", form_response: { form_id: "NoSuchForm", token: "t" } });
    const response = problem(await api(typeformEvent(body)));
    expect(response).toMatchObject({ status: 404, title: "Unknown form" });
    expect(response.detail).toContain("NoSuchForm");
  });

  it("404 for a provider not connected on this deployment", async () => {
    const { api } = setup(["tally"]);
    expect(problem(await api(typeformEvent(typeformBody))).status).toBe(404);
  });

  it("422 listing every field when the answers do not map, and nothing is written", async () => {
    const { api, store } = setup();
    const body = typeformBody
      .toString()
      .replace('"laura@example.com"', '"not an email"')
      .replace('"abc123456"', '""');
    const response = problem(await api(typeformEvent(body)));
    expect(response.status).toBe(422);
    expect(response.errors).toEqual([
      expect.objectContaining({ path: "applicant.externalId", field: "hidden.user_id" }),
      expect.objectContaining({ path: "applicant.email", field: "readable_ref_email" }),
    ]);
    expect(store.applicants.size).toBe(0);
  });

  it("413 for a body over 256 KB, before any signature work", async () => {
    const { api } = setup();
    const big = JSON.stringify({ pad: "x".repeat(256 * 1024) });
    expect(problem(await api(typeformEvent(big, "sha256=x"))).status).toBe(413);
  });
});
