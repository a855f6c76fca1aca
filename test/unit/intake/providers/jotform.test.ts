import { describe, expect, it } from "vitest";
import { InvalidInputError, SignatureError } from "#errors";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import { parseJotform, verifyJotform } from "#intake/providers/jotform/jotform.ts";
import { crlf, exampleMapping, fixtureText, TEST_SECRETS } from "./support.ts";

const BOUNDARY = "------------------------J1JNT4vbVO4FCC1qLG4HSv";
const multipart = { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` };
const published = crlf(fixtureText("jotform/response.multipart"));
const derived = crlf(fixtureText("jotform/applicant-intake.derived.multipart"));
const mapping = exampleMapping("jotform-applicant-intake.json");

describe("Jotform: the captured webhook POST (Zulip's fixture), multipart/form-data", () => {
  it("reads formID and submissionID as strings and every q-answer by q-name and by bare name", async () => {
    const form = await parseJotform(published, multipart);
    expect(form).toMatchObject({
      provider: "jotform",
      formId: "243231271343446",
      submissionId: "6084250982513018472",
    });
    expect(form.answers.get("q3_studentsName")).toEqual({ first: "Niloth", last: "P" });
    expect(form.answers.get("studentsName")).toEqual({ first: "Niloth", last: "P" });
    expect(form.answers.get("q33_typeOf")).toBe("Online Tutoring");
    expect(form.answers.get("q35_grade")).toBe("12");
    expect(form.answers.get("q27_priorTutoring")).toBe("No");
    // Unanswered questions (empty date, empty text) are absent, so "required" can report them.
    expect(form.answers.has("q15_date")).toBe(false);
    expect(form.answers.has("q7_description")).toBe(false);
    // Jotform metadata in rawRequest is not an answer.
    expect(form.answers.has("slug")).toBe(false);
    expect(form.answers.has("timeToSubmit")).toBe(false);
  });

  it("lists every unanswered required field of the intake mapping at once (422, not the first only)", async () => {
    const form = await parseJotform(published, multipart);
    const error = captureError(() => mapSubmission(mapping, form));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems).toEqual([
      {
        path: "applicant.externalId",
        field: "q37_applicantId",
        message: expect.stringContaining("required"),
      },
      { path: "applicant.email", field: "q36_email", message: expect.stringContaining("required") },
      { path: "applicant.graduation", field: "q15_date", message: expect.stringContaining("required") },
    ]);
  });

  it("maps the derived intake (same capture, email, id and date answered) onto a snapshot", async () => {
    const submission = mapSubmission(mapping, await parseJotform(derived, multipart));
    expect(submission).toMatchObject({
      type: "applicant.snapshot",
      submissionId: "jotform:6084250982513018472",
      applicant: {
        externalId: "IMG-2027-0042",
        email: "niloth.p@example.com",
        fullName: "Niloth P",
        visa: "J-1",
        specialties: ["Internal Medicine"],
        programsPlanned: 12,
        graduation: "2025-05-31",
        medicalSchool: { country: "IN", wdomsSponsorNote: false },
      },
    });
  });
});

describe("Jotform: other encodings", () => {
  const rawRequest = JSON.stringify({
    q3_fullName: { first: "Ada", last: "Obi" },
    q4_specialty: ["Pediatrics", "Surgery"],
  });

  it("reads application/x-www-form-urlencoded", async () => {
    const body = new URLSearchParams({ formID: "1", submissionID: "2", rawRequest }).toString();
    const form = await parseJotform(body, { "content-type": "application/x-www-form-urlencoded" });
    expect(form.answers.get("fullName")).toEqual({ first: "Ada", last: "Obi" });
    expect(form.answers.get("q4_specialty")).toEqual(["Pediatrics", "Surgery"]);
  });

  it("reads the older flat JSON shape", async () => {
    const body = JSON.stringify({ formID: "1", submissionID: "2", rawRequest });
    const form = await parseJotform(body, { "content-type": "application/json; charset=utf-8" });
    expect(form.submissionId).toBe("2");
  });

  it("takes the form id from rawRequest's slug when formID is absent", async () => {
    const body = new URLSearchParams({
      submissionID: "2",
      rawRequest: JSON.stringify({ slug: "submit/99" }),
    }).toString();
    expect((await parseJotform(body, { "content-type": "application/x-www-form-urlencoded" })).formId).toBe(
      "99",
    );
  });

  it.each([
    ["multipart with LF line ends only", fixtureText("jotform/response.multipart"), multipart],
    ["multipart without a boundary", published, { "content-type": "multipart/form-data" }],
    ["no rawRequest", "formID=1&submissionID=2", { "content-type": "application/x-www-form-urlencoded" }],
    [
      "rawRequest not JSON",
      "formID=1&submissionID=2&rawRequest=%7B",
      { "content-type": "application/x-www-form-urlencoded" },
    ],
    [
      "no submissionID",
      `formID=1&rawRequest=${encodeURIComponent("{}")}`,
      { "content-type": "application/x-www-form-urlencoded" },
    ],
    ["text/plain", "formID=1", { "content-type": "text/plain" }],
    ["no content type", "formID=1", {}],
  ])("%s is invalid input, never a crash", async (_, body, headers) => {
    await expect(parseJotform(body, headers)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe("Jotform: the URL token (Jotform signs nothing)", () => {
  const token = TEST_SECRETS.jotform;

  it("accepts the configured token", () => {
    expect(() => verifyJotform({ token }, token)).not.toThrow();
    expect(() => verifyJotform({ token: [token, "x"] }, token)).not.toThrow();
  });

  it.each([
    ["missing", {}],
    ["empty", { token: "" }],
    ["wrong", { token: "guess" }],
    ["a prefix of the token", { token: token.slice(0, -1) }],
    ["the token plus a character", { token: `${token}x` }],
  ])("rejects a %s token", (_, query) => {
    expect(() => verifyJotform(query, token)).toThrow(SignatureError);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
