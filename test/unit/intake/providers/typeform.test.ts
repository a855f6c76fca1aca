import { describe, expect, it } from "vitest";
import { SubmissionSchema } from "#domain/snapshot.ts";
import { InvalidInputError, SignatureError } from "#errors";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import { parseTypeform, signTypeform, verifyTypeform } from "#intake/providers/typeform/typeform.ts";
import { exampleMapping, fixtureBytes, TEST_SECRETS } from "./support.ts";

const published = fixtureBytes("typeform/example-payload.json");
const secret = TEST_SECRETS.typeform;

describe("Typeform: the published example payload", () => {
  const form = parseTypeform(published);

  it("reads the form id and uses the response token as the idempotency key", () => {
    expect(form).toMatchObject({
      provider: "typeform",
      formId: "lT4Z3j",
      submissionId: "a3a12ec67a1365927098a606107fac15",
    });
  });

  it.each([
    [
      "readable_ref_long_text",
      "It's cold right now! I live in an older medium-sized city with a university. Geographically, the area is hilly.",
    ],
    ["readable_ref_email", "laura@example.com"],
    ["readable_ref_short_text", "Laura"],
    ["readable_ref_date", "2005-10-15"],
    ["readable_ref_picture_choice", ["London", "Sydney"]],
    ["readable_ref_number1", 5],
    ["readable_ref_legal", true],
    ["readable_ref_multiple_choice", "London"],
    ["readable_ref_yes_no", false],
    ["readable_ref_opinion_scale", 2],
    ["readable_ref_rating", 3],
    ["readable_ref_number2", 4],
    ["readable_ref_calendly", "https://calendly.com/scheduled_events/EVENT_TYPE/invitees/INVITEE"],
    ["hidden.user_id", "abc123456"],
  ])(
    "answer %s (by ref, resolved through definition.fields when the answer has only an id)",
    (ref, value) => {
      expect(form.answers.get(ref)).toEqual(value);
    },
  );

  it("also reaches an answer by its field id", () => {
    expect(form.answers.get("SMEUb7VJz92Q")).toBe("laura@example.com");
  });

  it("maps onto the example mapping's applicant snapshot", () => {
    const submission = mapSubmission(exampleMapping("typeform-applicant-intake.json"), form);
    expect(SubmissionSchema.parse(submission)).toEqual(submission);
    expect(submission).toEqual({
      type: "applicant.snapshot",
      submissionId: "typeform:a3a12ec67a1365927098a606107fac15",
      applicant: {
        externalId: "abc123456",
        email: "laura@example.com",
        fullName: "Laura",
        timezone: "Europe/London",
        matchYear: 2027,
        specialties: ["Internal Medicine", "Family Medicine"],
        visa: "undecided",
        graduation: "2005-10-15",
        medicalSchool: { name: "Not asked on this form", country: "GB", wdomsSponsorNote: false },
        programsPlanned: 4,
      },
      milestones: [],
      interviews: [],
    });
  });
});

describe("Typeform: answer types the published example lacks", () => {
  it.each([
    [{ type: "phone_number", phone_number: "+5511987654321" }, "+5511987654321"],
    [
      { type: "file_url", file_url: "https://api.typeform.com/responses/files/abc/cv.pdf" },
      "https://api.typeform.com/responses/files/abc/cv.pdf",
    ],
    [{ type: "choice", choice: { other: "Radiology" } }, "Radiology"],
    [
      { type: "choices", choices: { labels: ["Internal Medicine"], other: "Neurology" } },
      ["Internal Medicine", "Neurology"],
    ],
  ])("%o", (answer, value) => {
    const body = JSON.stringify({
      event_id: "01H",
      form_response: {
        form_id: "f1",
        token: "t1",
        answers: [{ ...answer, field: { id: "X1", ref: "the_ref", type: "x" } }],
      },
    });
    expect(parseTypeform(body).answers.get("the_ref")).toEqual(value);
  });

  it("falls back to event_id when the token is absent", () => {
    expect(
      parseTypeform(JSON.stringify({ event_id: "ev9", form_response: { form_id: "f1" } })).submissionId,
    ).toBe("ev9");
  });

  it.each([
    ["not JSON", "{"],
    ["no form_response", "{}"],
    ["no form id", JSON.stringify({ form_response: { token: "t" } })],
    ["no token", JSON.stringify({ form_response: { form_id: "f" } })],
    ["answers not a list", JSON.stringify({ form_response: { form_id: "f", token: "t", answers: {} } })],
  ])("a body that is not a form response (%s) is invalid input", (_, body) => {
    expect(() => parseTypeform(body)).toThrow(InvalidInputError);
  });
});

describe("Typeform-Signature", () => {
  const header = signTypeform(published, secret);

  it("is sha256= and the base64 HMAC of the raw body", () => {
    expect(header).toMatch(/^sha256=[A-Za-z0-9+/]{43}=$/);
    expect(() => verifyTypeform(published, { "Typeform-Signature": header }, secret)).not.toThrow();
    expect(() => verifyTypeform(published, { "typeform-signature": header }, secret)).not.toThrow();
  });

  it.each([
    [
      "tampered body",
      Buffer.from(published.toString().replace("laura@", "mallory@")),
      { "typeform-signature": header },
      secret,
    ],
    [
      "re-serialised body",
      JSON.stringify(JSON.parse(published.toString())),
      { "typeform-signature": header },
      secret,
    ],
    ["wrong secret", published, { "typeform-signature": header }, "another-secret"],
    ["missing header", published, {}, secret],
    ["empty header", published, { "typeform-signature": "" }, secret],
    ["no sha256= prefix", published, { "typeform-signature": header.slice("sha256=".length) }, secret],
    ["truncated", published, { "typeform-signature": header.slice(0, -2) }, secret],
  ])("rejects a %s", (_, body, headers, key) => {
    expect(() => verifyTypeform(body, headers, key)).toThrow(SignatureError);
  });
});
