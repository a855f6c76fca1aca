import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * The free text that reaches emails and pages (the applicant's name, the medical school's name, an
 * interview's program) never carries a control character or a bidirectional override into them:
 * line breaks, tabs and directional marks, which forms and right-to-left keyboards send innocently,
 * are normalised; every other control character and the overrides, embeddings and isolates are
 * refused, naming the field and the character (display-text.ts says why per class).
 */
const FIXTURE = new URL("../../fixtures/confirmed-date-sources/j1-lagos.json", import.meta.url);
const NOW = new Date("2026-12-04T17:00:00Z");
type Body = {
  applicant: { fullName: string; medicalSchool: { name: string } };
  interviews: { program: string }[];
};
const snapshot = (): Body => JSON.parse(readFileSync(FIXTURE, "utf8")) as Body;

const FIELDS: [string, (body: Body, text: string) => void][] = [
  ["applicant.fullName", (body, text) => (body.applicant.fullName = text)],
  ["applicant.medicalSchool.name", (body, text) => (body.applicant.medicalSchool.name = text)],
  ["interviews.0.program", (body, text) => ((body.interviews[0] as { program: string }).program = text)],
];

async function receive(body: Body) {
  const intake = new InMemoryApplicantStore();
  const outcome = await receiveSubmission(body, "webhook", { intake, clock: new FixedClock(NOW) }).catch(
    (error: unknown) => error,
  );
  return { outcome, intake };
}

const refused: [string, string, string][] = [
  [
    "U+202E RIGHT-TO-LEFT OVERRIDE",
    "Ngozi \u202EiyemedA",
    "U+202E (RIGHT-TO-LEFT OVERRIDE), found at character 7",
  ],
  [
    "U+202A LEFT-TO-RIGHT EMBEDDING",
    "\u202ANgozi Adeyemi\u202C",
    "U+202A (LEFT-TO-RIGHT EMBEDDING), found at character 1",
  ],
  ["U+2067 RIGHT-TO-LEFT ISOLATE", "Ngozi \u2067Adeyemi\u2069", "U+2067 (RIGHT-TO-LEFT ISOLATE)"],
  ["U+2069 POP DIRECTIONAL ISOLATE", "Ngozi\u2069 Adeyemi", "U+2069 (POP DIRECTIONAL ISOLATE)"],
  ["U+0000 NULL", "Ngozi\u0000Adeyemi", "U+0000 (NULL, a control character), found at character 6"],
  ["U+001B ESCAPE", "Ngozi \u001B[31mAdeyemi", "U+001B (a control character)"],
  ["U+007F DELETE", "Ngozi Adeyemi\u007F", "U+007F (DELETE, a control character)"],
  ["U+0085 NEXT LINE", "Ngozi\u0085Adeyemi", "U+0085 (a control character)"],
];

describe.each(FIELDS)("%s", (path, set) => {
  it.each(refused)("refuses %s, naming the field and the character", async (_name, text, words) => {
    const body = snapshot();
    set(body, text);
    const { outcome, intake } = await receive(body);
    expect(outcome).toBeInstanceOf(InvalidInputError);
    const problems = (outcome as InvalidInputError).problems;
    expect(problems).toEqual([{ path, message: expect.stringContaining(`must not contain ${words}`) }]);
    expect(intake.applicants.size).toBe(0);
  });

  it.each([
    ["a trailing newline", "Ngozi Adeyemi\n", "Ngozi Adeyemi"],
    ["a line break and a tab inside", "Ngozi\r\n\tAdeyemi", "Ngozi Adeyemi"],
    ["right-to-left marks around Arabic", "\u200Fنجوزي أديمي\u200F", "نجوزي أديمي"],
    ["a left-to-right mark", "Ngozi\u200E Adeyemi", "Ngozi Adeyemi"],
  ])("normalises %s", async (_name, text, stored) => {
    const body = snapshot();
    set(body, text);
    const { outcome, intake } = await receive(body);
    expect(outcome).toMatchObject({ outcome: "created" });
    const state = [...intake.applicants.values()][0]?.state;
    const read = {
      "applicant.fullName": state?.profile.fullName,
      "applicant.medicalSchool.name": state?.profile.medicalSchool.name,
      "interviews.0.program": state?.interviews[0]?.program,
    }[path];
    expect(read).toBe(stored);
  });
});
