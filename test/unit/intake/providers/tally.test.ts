import { describe, expect, it } from "vitest";
import { InvalidInputError, SignatureError } from "#errors";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import { parseTally, signTally, verifyTally } from "#intake/providers/tally/tally.ts";
import { exampleMapping, fixtureBytes, TEST_SECRETS } from "./support.ts";

const published = fixtureBytes("tally/example-webhook-event.json");
const secret = TEST_SECRETS.tally;

describe("Tally: the published example event (every field type Tally supports)", () => {
  const form = parseTally(published);

  it("reads the form id and uses data.responseId as the idempotency key", () => {
    expect(form).toMatchObject({ provider: "tally", formId: "VwbNEw", submissionId: "2wgx4n" });
  });

  it.each([
    ["question_3EKz4n", "Text", "Hello"],
    ["question_nr5yNw", "Number", 10],
    ["question_3jZaa3", "Phone number", "+32491223344"],
    ["question_w2XEjm", "Website", "example.com"],
    ["question_3xrXrn", "Date", "2023-06-28"],
    ["question_mZ8jow", "Time", "12:00"],
    ["question_3Nrpl3", "Long text", "Hello world"],
    ["question_mVGEg3_8b5711e3-f6a2-4e25-9e68-5d730598c681", "utm_campaign", "newsletter"],
    ["question_3qL4Gm", "Multiple choice", ["In progress"]],
    ["question_wQ1K7w", "Checkboxes", ["Swimming", "Skiing"]],
    ["question_wQ1K7w_cb33303b-4e9d-4bb3-8b51-f16acbf573fe", "Checkboxes (Swimming)", true],
    ["question_wQ1K7w_9bbb6bd7-1e3b-4e48-b4b9-a221d5aad87e", "Checkboxes (Soccer)", false],
    ["question_n9BqQm", "Dropdown", ["Hard"]],
    ["question_meMqem", "Multi-select", ["Surf", "Golf"]],
    ["question_w7qRZm", "Ranking", ["Pear", "Apple", "Banana"]],
    ["question_m6L8kw", "Rating", 4],
    ["question_wbq5L3", "Linear scale", 7],
    [
      "question_nW2ONw",
      "File upload",
      [
        "https://storage.googleapis.com/tally-response-assets-dev/vBXMXN/34fd1ee5-4ead-4929-9a4a-918ac9f0b416/Tally_Icon.png",
      ],
    ],
    ["question_mBazQn", "Matrix", { Quality: "Satisfied", Speed: "Neutral" }],
  ])("field %s / %s: option ids resolved to the texts people see", (key, label, value) => {
    expect(form.answers.get(key)).toEqual(value);
    expect(form.answers.get(label)).toEqual(value);
  });

  it("maps onto the example progress-update mapping (applicant found by external id)", () => {
    expect(mapSubmission(exampleMapping("tally-progress-update.json"), form)).toEqual({
      type: "milestone.update",
      submissionId: "tally:2wgx4n",
      applicant: { externalId: "Hello" },
      milestones: [{ key: "usmle_step2ck", status: "in_progress", date: "2023-06-28", score: 10 }],
    });
  });

  it("falls back to eventId when responseId is absent", () => {
    const body = JSON.stringify({
      eventId: "ev1",
      eventType: "FORM_RESPONSE",
      data: { formId: "F", fields: [] },
    });
    expect(parseTally(body).submissionId).toBe("ev1");
  });

  it.each([
    ["not JSON", "nope"],
    [
      "another event type",
      JSON.stringify({ eventType: "FORM_DELETED", data: { formId: "F", responseId: "r" } }),
    ],
    ["no data", JSON.stringify({ eventType: "FORM_RESPONSE" })],
    ["no form id", JSON.stringify({ eventType: "FORM_RESPONSE", data: { responseId: "r" } })],
    [
      "fields not a list",
      JSON.stringify({ eventType: "FORM_RESPONSE", data: { formId: "F", responseId: "r", fields: 3 } }),
    ],
  ])("a body that is not a FORM_RESPONSE (%s) is invalid input", (_, body) => {
    expect(() => parseTally(body)).toThrow(InvalidInputError);
  });
});

describe("Tally-Signature", () => {
  it("accepts the HMAC of the raw body", () => {
    expect(() =>
      verifyTally(published, { "Tally-Signature": signTally(published, secret) }, secret),
    ).not.toThrow();
  });

  it("accepts, as Tally's own example computes it, the HMAC of JSON.stringify(parsed body)", () => {
    // The fixture is pretty-printed, so its raw bytes differ from the compact re-serialisation.
    const reserialised = JSON.stringify(JSON.parse(published.toString()));
    expect(reserialised).not.toBe(published.toString());
    expect(() =>
      verifyTally(published, { "tally-signature": signTally(reserialised, secret) }, secret),
    ).not.toThrow();
  });

  it.each([
    [
      "tampered body",
      Buffer.from(published.toString().replace('"Hello"', '"Mallory"')),
      signTally(published, secret),
      secret,
    ],
    ["wrong secret", published, signTally(published, "not-the-secret"), secret],
    ["signature of another body", published, signTally("{}", secret), secret],
    ["Typeform-style sha256= prefix", published, `sha256=${signTally(published, secret)}`, secret],
    [
      "non-JSON body with a re-serialisation signature",
      Buffer.from("{oops"),
      signTally("{oops", "x"),
      secret,
    ],
  ])("rejects a %s", (_, body, signature, key) => {
    expect(() => verifyTally(body, { "tally-signature": signature }, key)).toThrow(SignatureError);
  });

  it("rejects a missing or empty header", () => {
    expect(() => verifyTally(published, {}, secret)).toThrow(SignatureError);
    expect(() => verifyTally(published, { "tally-signature": "  " }, secret)).toThrow(SignatureError);
  });
});
