import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import type { ParsedForm } from "#intake/providers/common.ts";
import { parseGoogleForms } from "#intake/providers/google-forms/google-forms.ts";
import { parseJotform } from "#intake/providers/jotform/jotform.ts";
import { parseTally } from "#intake/providers/tally/tally.ts";
import { parseTypeform } from "#intake/providers/typeform/typeform.ts";

/**
 * Every provider's parse lists all that is wrong with a body's shape in one 422, in the order it
 * checks them; the steps are shared (providers/submission-reader.ts), the paths and words are each
 * provider's own.
 */
describe.each<[string, () => ParsedForm | Promise<ParsedForm>, { path: string; message: string }[]]>([
  [
    "Tally",
    () => parseTally(JSON.stringify({ eventType: "FORM_DELETED", data: { fields: 3 } })),
    [
      { path: "eventType", message: 'must be "FORM_RESPONSE"' },
      { path: "data.formId", message: "must be a form id" },
      { path: "data.responseId", message: "must be a response id" },
      { path: "data.fields", message: "must be a list of fields" },
    ],
  ],
  [
    "Typeform",
    () => parseTypeform(JSON.stringify({ form_response: { answers: {} } })),
    [
      { path: "form_response.form_id", message: "must be a form id" },
      { path: "form_response.token", message: "must be the response token (or event_id)" },
      { path: "form_response.answers", message: "must be a list of answers" },
    ],
  ],
  [
    "Jotform",
    () => parseJotform(JSON.stringify({ rawRequest: "[]" }), { "content-type": "application/json" }),
    [
      { path: "rawRequest", message: "must be a JSON object string" },
      { path: "formID", message: "must be the form id" },
      { path: "submissionID", message: "must be the submission id" },
    ],
  ],
  [
    "Google Forms",
    () => parseGoogleForms(JSON.stringify({ namedValues: ["x"] })),
    [
      { path: "formId", message: "must be the form id" },
      { path: "responseId", message: "must be the response id" },
      { path: "namedValues", message: "must be an object" },
    ],
  ],
])("%s: a body wrong in every way", (title, parse, problems) => {
  it("is invalid input listing every problem, in order, naming the provider", async () => {
    const error = await Promise.resolve()
      .then(parse)
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toContain(`the ${title} body`);
    expect((error as InvalidInputError).problems).toEqual(problems);
  });
});

describe("answer types and choice ids are kept for a blank answer too (Tally, Typeform)", () => {
  it("Tally: a blank choice is not an answer, but its type and (empty) choice ids are known", () => {
    const form = parseTally(
      JSON.stringify({
        eventType: "FORM_RESPONSE",
        data: {
          formId: "F",
          responseId: "r",
          fields: [
            { key: "q1", label: "Pick", type: "DROPDOWN", value: [], options: [{ id: "o1", text: "One" }] },
            { key: "q1", label: "Again", type: "INPUT_TEXT", value: "late" },
          ],
        },
      }),
    );
    expect(form.answers.has("q1")).toBe(true);
    expect(form.answers.get("q1")).toBe("late");
    expect(form.answers.has("Pick")).toBe(false);
    expect(form.types?.get("q1")).toBe("DROPDOWN");
    expect(form.types?.get("Again")).toBe("INPUT_TEXT");
    expect(form.choiceIds?.get("Pick")).toEqual(new Map());
    expect(form.choiceIds?.has("Again")).toBe(false);
  });

  it("Typeform: choice ids only where a choice was made", () => {
    const form = parseTypeform(
      JSON.stringify({
        form_response: {
          form_id: "f",
          token: "t",
          answers: [
            { type: "text", text: "", field: { id: "a", ref: "r1", type: "short_text" } },
            {
              type: "choice",
              choice: { id: "c1", ref: "cr1", label: "Yes" },
              field: { id: "b", ref: "r2", type: "multiple_choice" },
            },
          ],
        },
      }),
    );
    expect(form.answers.has("r1")).toBe(false);
    expect(form.types?.get("r1")).toBe("short_text");
    expect(form.choiceIds?.has("r1")).toBe(false);
    expect(form.choiceIds?.get("b")).toEqual(new Map([["Yes", ["c1", "cr1"]]]));
  });
});
