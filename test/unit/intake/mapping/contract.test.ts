import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { contractGaps, SNAPSHOT_REQUIRED_TARGETS } from "#intake/mapping/contract.ts";
import { mapSubmission, mapSubmissionWithNotes } from "#intake/mapping/mapper.ts";
import { loadMappingDirs, loadMappingFile, parseMapping } from "#intake/mapping/registry.ts";
import { MAPPING_FOLDERS } from "#intake/providers/list.ts";
import { parseUnverified } from "#intake/receive.ts";
import { examplePath } from "../providers/support.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");

/** The shipped Google Forms applicant intake body with one question's answer left blank. */
async function googleIntakeWith(question: string, answer: string[]) {
  const body = JSON.parse(
    readFileSync(join(ROOT, "test/fixtures/providers/google-forms/applicant-intake.body.json"), "utf8"),
  ) as { namedValues: Record<string, string[]> };
  expect(body.namedValues[question]).toBeDefined();
  body.namedValues[question] = answer;
  const mapping = await loadMappingFile(examplePath("google-forms-applicant-intake.json"));
  const form = await parseUnverified("google-forms", {
    rawBody: Buffer.from(JSON.stringify(body)),
    headers: {},
  });
  return { mapping, form };
}

describe("mappings and the snapshot contract", () => {
  it("every shipped mapping fills each snapshot-required path: a default, a required question, or a blank with a meaning", async () => {
    const found = await loadMappingDirs(MAPPING_FOLDERS.map((folder) => join(ROOT, folder)));
    expect(found.filter(({ mapping }) => mapping.kind === "applicant.snapshot").length).toBeGreaterThan(0);
    const gaps = found.flatMap(({ file, mapping }) =>
      contractGaps(mapping).map((gap) => `${file.slice(ROOT.length + 1)}: ${gap.path}`),
    );
    expect(gaps).toEqual([]);
  });

  it("the required paths are the contract's: optional ones (advisorEmail, reminderTime) are not among them", () => {
    expect(SNAPSHOT_REQUIRED_TARGETS).toContain("applicant.matchYear");
    expect(SNAPSHOT_REQUIRED_TARGETS).toContain("applicant.specialties");
    expect(SNAPSHOT_REQUIRED_TARGETS).toContain("applicant.medicalSchool.wdomsSponsorNote");
    expect(SNAPSHOT_REQUIRED_TARGETS).not.toContain("applicant.advisorEmail");
    expect(SNAPSHOT_REQUIRED_TARGETS).not.toContain("applicant.reminderTime");
  });

  it("names an optional question the snapshot needs, and a path nothing fills; a default or required question satisfies it", () => {
    const base = {
      provider: "tally",
      formId: "F1",
      kind: "applicant.snapshot",
      fields: {
        id: { to: "applicant.externalId" },
        email: { to: "applicant.email" },
        name: { to: "applicant.fullName" },
        zone: { to: "applicant.timezone" },
        year: { to: "applicant.matchYear" },
        specialties: { to: "applicant.specialties" },
        graduated: { to: "applicant.graduation" },
        school: { to: "applicant.medicalSchool.name" },
        country: { to: "applicant.medicalSchool.country" },
        sponsor: { to: "applicant.medicalSchool.wdomsSponsorNote" },
      },
      defaults: { "applicant.visa": "undecided" },
      required: ["id", "email", "name", "zone", "specialties", "graduated", "school", "country"],
    };
    const gaps = contractGaps(parseMapping(base));
    expect(gaps.map((gap) => gap.path)).toEqual(["applicant.matchYear", "applicant.programsPlanned"]);
    expect(gaps[0]?.message).toMatch(/"year" is not in "required"/);
    expect(gaps[1]?.message).toMatch(/no field fills it/);
    const fixed = parseMapping({
      ...base,
      defaults: { ...base.defaults, "applicant.programsPlanned": 0 },
      required: [...base.required, "year"],
    });
    expect(contractGaps(fixed)).toEqual([]);
    expect(
      contractGaps(
        parseMapping({
          ...base,
          kind: "milestone.update",
          fields: { id: base.fields.id, s: { to: "milestones.usmle_step1.status" } },
          defaults: {},
          required: [],
        }),
      ),
    ).toEqual([]);
  });

  it("a blank WDOMS answer is read as null (not checked), with a note, not a refusal", async () => {
    const { mapping, form } = await googleIntakeWith(
      "Does WDOMS show an ECFMG sponsor note for your school?",
      [""],
    );
    const { submission, notes } = mapSubmissionWithNotes(mapping, form);
    expect(submission.type).toBe("applicant.snapshot");
    if (submission.type !== "applicant.snapshot") return;
    expect(submission.applicant.medicalSchool.wdomsSponsorNote).toBeNull();
    expect(notes.map((note) => note.path)).toContain("applicant.medicalSchool.wdomsSponsorNote");
  });

  it.each([
    ["Match year", "applicant.matchYear"],
    ["Specialties", "applicant.specialties"],
  ])("a blank %s is refused as a required question naming its field", async (question, path) => {
    const { mapping, form } = await googleIntakeWith(question, [""]);
    let error: unknown;
    try {
      mapSubmission(mapping, form);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems).toContainEqual(
      expect.objectContaining({ path, message: expect.stringMatching(/is required but was not answered/) }),
    );
  });
});
