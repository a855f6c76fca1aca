import { describe, expect, it } from "vitest";
import { SubmissionSchema } from "#domain/snapshot.ts";
import { ConfigError, InvalidInputError, SignatureError } from "#errors";
import { signTally } from "#intake/providers/tally/tally.ts";
import { signTypeform } from "#intake/providers/typeform/typeform.ts";
import { receiveProviderForm, UnknownFormError } from "#intake/receive.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import {
  crlf,
  depsWith,
  EXAMPLE_MAPPINGS,
  exampleMapping,
  fixedClock,
  fixtureBytes,
  fixtureText,
  TEST_SECRETS,
} from "./support.ts";

const mappings = EXAMPLE_MAPPINGS.map(exampleMapping);
const now = new Date("2026-09-01T12:00:00Z");
const deps = depsWith(mappings, fixedClock(now.toISOString()));
const typeformBody = fixtureBytes("typeform/example-payload.json");
const tallyBody = fixtureBytes("tally/example-webhook-event.json");
const jotformBody = crlf(fixtureText("jotform/applicant-intake.derived.multipart"));
const jotformHeaders = {
  "content-type": "multipart/form-data; boundary=------------------------J1JNT4vbVO4FCC1qLG4HSv",
};
const googleBody = fixtureText("google-forms/applicant-intake.body.json");

describe("receiveProviderForm: each route end to end (verify, read, map)", () => {
  it.each([
    [
      "typeform",
      {
        rawBody: typeformBody,
        headers: { "typeform-signature": signTypeform(typeformBody, TEST_SECRETS.typeform) },
      },
      "a3a12ec67a1365927098a606107fac15",
    ],
    [
      "tally",
      { rawBody: tallyBody, headers: { "tally-signature": signTally(tallyBody, TEST_SECRETS.tally) } },
      "2wgx4n",
    ],
    [
      "jotform",
      { rawBody: jotformBody, headers: jotformHeaders, query: { token: TEST_SECRETS.jotform } },
      "6084250982513018472",
    ],
    [
      "google-forms",
      { rawBody: googleBody, headers: signedHeaders(TEST_SECRETS["google-forms"], "msg_1", googleBody, now) },
      "2_ABaOnudExampleResponse0001",
    ],
  ] as const)(
    "%s: a signed example becomes a valid submission with the provider's own id as source",
    async (provider, request, id) => {
      const result = await receiveProviderForm(provider, request, deps);
      expect(result.source).toEqual({ provider, submissionId: id });
      expect(SubmissionSchema.parse(result.submission)).toEqual(result.submission);
      expect(result.submission.submissionId).toBe(`${provider}:${id}`);
    },
  );

  it("is deterministic: a provider's retry yields the same submission id (the store's idempotency key)", async () => {
    const request = {
      rawBody: tallyBody,
      headers: { "tally-signature": signTally(tallyBody, TEST_SECRETS.tally) },
    };
    const first = await receiveProviderForm("tally", request, deps);
    const retry = await receiveProviderForm("tally", request, deps);
    expect(retry).toEqual(first);
  });
});

describe("receiveProviderForm: failures", () => {
  it("checks the signature before reading anything: an unsigned garbage body is 401, not 422", async () => {
    await expect(
      receiveProviderForm("typeform", { rawBody: "{not json", headers: {} }, deps),
    ).rejects.toBeInstanceOf(SignatureError);
    await expect(
      receiveProviderForm("jotform", { rawBody: "x", headers: {}, query: {} }, deps),
    ).rejects.toBeInstanceOf(SignatureError);
  });

  it("names a form no mapping connects (404)", async () => {
    const body = JSON.stringify({
      event_id: "e",
      form_response: { form_id: "Unmapped9", token: "t", answers: [] },
    });
    const attempt = receiveProviderForm(
      "typeform",
      { rawBody: body, headers: { "typeform-signature": signTypeform(body, TEST_SECRETS.typeform) } },
      deps,
    );
    await expect(attempt).rejects.toBeInstanceOf(UnknownFormError);
    await expect(attempt).rejects.toMatchObject({
      provider: "typeform",
      formId: "Unmapped9",
      message: expect.stringContaining("Unmapped9"),
    });
  });

  it("does not use another provider's mapping for a form id they share", async () => {
    const body = JSON.stringify({
      eventType: "FORM_RESPONSE",
      data: { formId: "lT4Z3j", responseId: "r", fields: [] },
    });
    const attempt = receiveProviderForm(
      "tally",
      { rawBody: body, headers: { "tally-signature": signTally(body, TEST_SECRETS.tally) } },
      {
        ...deps,
        mappingFor: () => exampleMapping("typeform-applicant-intake.json"),
      },
    );
    await expect(attempt).rejects.toBeInstanceOf(UnknownFormError);
  });

  it("reports a signed, readable body whose answers do not map as 422 with every field", async () => {
    const body = JSON.stringify({
      eventType: "FORM_RESPONSE",
      data: { formId: "VwbNEw", responseId: "r1", fields: [] },
    });
    const attempt = receiveProviderForm(
      "tally",
      { rawBody: body, headers: { "tally-signature": signTally(body, TEST_SECRETS.tally) } },
      deps,
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    // Only the root problems: not also "applicant" (no id, a follow-on of the first) or "milestones"
    // (nothing to change, a follow-on of the second).
    await expect(attempt).rejects.toMatchObject({
      problems: [
        {
          path: "applicant.externalId",
          field: "question_3EKz4n",
          message: expect.stringMatching(/not answered/),
        },
        {
          path: "milestones.usmle_step2ck.status",
          field: "Multiple choice",
          message: expect.stringMatching(/not answered/),
        },
      ],
    });
    await expect(attempt).rejects.toSatisfy((error: InvalidInputError) => error.problems.length === 2);
  });

  it("refuses every delivery when no secret is configured (a deployment fault)", async () => {
    const attempt = receiveProviderForm(
      "tally",
      { rawBody: tallyBody, headers: {} },
      { ...deps, secretFor: () => "" },
    );
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
  });
});
