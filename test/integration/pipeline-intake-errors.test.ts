import { describe, expect, inject, it } from "vitest";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { newWebhookSecret } from "#local/secrets.ts";
import { step2Applicant } from "./support/applicants.ts";
import { drainStream, itemsMentioning, postWebhook } from "./support/local-stack.ts";

/**
 * The intake edge over real HTTP: every refusal is RFC 9457 problem+json and writes nothing.
 * "Nothing stored" is checked by scanning the whole table for the applicant's unique externalId.
 */
describe("intake refusals on the local stack", () => {
  it("a bad signature → 401 problem+json and nothing stored", async () => {
    const applicant = step2Applicant();

    const reply = await postWebhook(applicant.snapshot, { secret: newWebhookSecret() });

    expect(reply.status).toBe(401);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status: 401 });
    expect(reply.body.title).toEqual(expect.any(String));
    await drainStream();
    expect(await itemsMentioning(applicant.externalId)).toEqual([]);
  });

  it("a body changed after signing → 401 and nothing stored", async () => {
    const applicant = step2Applicant();
    const signedFor = JSON.stringify(applicant.snapshot);
    const tampered = signedFor.replace('"programsPlanned":80', '"programsPlanned":81');
    expect(tampered).not.toBe(signedFor);

    // Sign one body, send another: the signature covers the raw bytes.
    const response = await fetch(`${inject("apiUrl")}/intake/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signedHeaders(inject("webhookSecret"), "msg_t", signedFor),
      },
      body: tampered,
    });

    expect(response.status).toBe(401);
    expect(await itemsMentioning(applicant.externalId)).toEqual([]);
  });

  it("a malformed body → 400 naming the field, nothing stored", async () => {
    const applicant = step2Applicant();
    const snapshot = {
      ...applicant.snapshot,
      applicant: { ...applicant.snapshot.applicant, timezone: "Mars/Olympus_Mons" },
    };

    const reply = await postWebhook(snapshot);

    expect(reply.status).toBe(400);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status: 400 });
    expect(JSON.stringify(reply.body)).toContain("applicant.timezone");
    expect(JSON.stringify(reply.body)).not.toContain("applicant.email");
    await drainStream();
    expect(await itemsMentioning(applicant.externalId)).toEqual([]);
  });

  it("a body that is not JSON → 400", async () => {
    const reply = await postWebhook(undefined, { raw: '{"type":"applicant.snapshot",' });
    expect(reply.status).toBe(400);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
  });

  it("a body over 256 KB → 413 and nothing stored, even when correctly signed", async () => {
    const applicant = step2Applicant();
    // Valid JSON, validly signed, padded with whitespace past the limit.
    const raw = `${JSON.stringify(applicant.snapshot)}${" ".repeat(260 * 1024)}`;

    const reply = await postWebhook(undefined, { raw });

    expect(reply.status).toBe(413);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    await drainStream();
    expect(await itemsMentioning(applicant.externalId)).toEqual([]);
  });

  it("a content type other than JSON → 415 and nothing stored", async () => {
    const applicant = step2Applicant();

    const reply = await postWebhook(applicant.snapshot, { headers: { "content-type": "application/xml" } });

    expect(reply.status).toBe(415);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(await itemsMentioning(applicant.externalId)).toEqual([]);
  });

  it("an update naming an unknown email → 422, and the address stays out of the logs", async () => {
    const applicant = step2Applicant();

    const reply = await postWebhook({
      type: "milestone.update",
      submissionId: `upd-${applicant.externalId}`,
      applicant: { email: applicant.email },
      milestones: [{ key: "usmle_step2ck", status: "done", date: "2026-05-20" }],
    });

    // The global teardown scans every log line of the suite for this address (log-capture.ts).
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ status: 422, type: "urn:matchpath:problem:unknown-applicant" });
    expect(JSON.stringify(reply.body)).not.toContain(applicant.email);
  });

  it("two interviews with one id → 400 naming both, nothing stored", async () => {
    const applicant = step2Applicant();
    const interview = {
      id: "iv-1",
      program: "Mercy Hospital IM",
      startsAt: "2026-11-02T13:00:00-06:00",
      timezone: "America/Chicago",
      format: "virtual",
    };
    const snapshot = {
      ...applicant.snapshot,
      interviews: [interview, { ...interview, program: "Another Program" }],
    };

    const reply = await postWebhook(snapshot);

    expect(reply.status).toBe(400);
    const paths = (reply.body.errors as { path: string }[]).map((error) => error.path);
    expect(paths).toEqual(["interviews.0.id", "interviews.1.id"]);
    await drainStream();
    expect(await itemsMentioning(applicant.externalId)).toEqual([]);
  });

  it("JSON nested 20,000 levels deep → 422 naming the body, on the webhook and the Jotform route", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const webhook = await postWebhook(undefined, { raw: `{"type":"applicant.snapshot","x":${deep}}` });
    expect(webhook.status).toBe(422);
    expect(webhook.body).toMatchObject({ errors: [{ path: "(root)" }] });

    const jotform = await fetch(
      `${inject("apiUrl")}/intake/jotform?token=${encodeURIComponent(inject("formSecrets").jotform)}`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"formID":"1","submissionID":"2","rawRequest":{"q1_name":${deep}}}`,
      },
    );
    expect(jotform.status).toBe(422);
    expect(jotform.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
