import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SubmissionSchema } from "#domain/snapshot.ts";
import { loadMappingDirs } from "#intake/mapping/registry.ts";
import { FORM_PROVIDERS, MAPPING_FOLDERS } from "#intake/providers/list.ts";
import { runForms } from "../../../../shared/cli/forms.ts";
import { examplePath } from "../providers/support.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const forms = examplePath;
const fixture = (name: string) => join(ROOT, "test", "fixtures", "providers", name);

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runForms(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("npm run forms", () => {
  it("every shipped example mapping is valid and connects a distinct form", async () => {
    const found = await loadMappingDirs(MAPPING_FOLDERS.map((folder) => join(ROOT, folder)));
    // Derived from the one provider list, so a new provider's folder is checked without editing
    // this test: each shipped provider brings its three examples (applicant intake or progress
    // update, interview booking, interview report), and each folder's mappings name its provider.
    const expected = FORM_PROVIDERS.flatMap((provider) => {
      const files = readdirSync(join(ROOT, `shared/intake/providers/${provider.name}/forms`));
      return files.filter((file) => file.endsWith(".json")).map(() => provider.name);
    }).sort();
    expect(found.map((f) => f.mapping.provider).sort()).toEqual(expected);
    for (const provider of FORM_PROVIDERS) {
      expect(expected.filter((name) => name === provider.name).length).toBeGreaterThanOrEqual(1);
    }
    for (const provider of ["google-forms", "jotform", "tally", "typeform"]) {
      expect(expected.filter((name) => name === provider).length).toBe(3);
    }
    const forms = found.map((f) => `${f.mapping.provider}:${f.mapping.formId}`);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it.each([
    ["typeform-applicant-intake.json", "typeform/example-payload.json"],
    ["tally-progress-update.json", "tally/example-webhook-event.json"],
    ["jotform-applicant-intake.json", "jotform/applicant-intake.derived.multipart"],
    ["google-forms-applicant-intake.json", "google-forms/applicant-intake.body.json"],
  ])("check %s %s prints a valid submission", async (mapping, payload) => {
    const { code, out } = await run("check", forms(mapping), fixture(payload));
    expect(code).toBe(0);
    expect(SubmissionSchema.safeParse(JSON.parse(out)).success).toBe(true);
  });

  it.each([
    // Each provider's interview booking and "I got an interview" example, with its derived payload.
    [
      "jotform-interview-booking.json",
      "jotform/interview-booking.derived.multipart",
      { startsAt: "2026-12-11T20:00:00+00:00", timezone: "Europe/London" },
    ],
    [
      "jotform-interview-report.json",
      "jotform/interview-report.derived.multipart",
      { id: "EXAMPLE-IM-2027", startsAt: "2026-12-11T09:30:00-06:00", timezone: "America/Chicago" },
    ],
    [
      "tally-interview-booking.json",
      "tally/interview-booking.derived.json",
      { startsAt: "2026-12-11T14:30:00-06:00", format: "virtual" },
    ],
    [
      "tally-interview-report.json",
      "tally/interview-report.derived.json",
      { id: "MERCY-IM-2027", startsAt: "2026-11-02T09:00:00-05:00", format: "in_person" },
    ],
    [
      "typeform-interview-booking.json",
      "typeform/interview-booking.derived.json",
      { startsAt: "2026-11-02T09:30:00-05:00", timezone: "America/New_York" },
    ],
    [
      "typeform-interview-report.json",
      "typeform/interview-report.derived.json",
      { id: "MERCY-IM-2027", status: "scheduled", startsAt: "2026-11-03T14:30:00-05:00" },
    ],
    [
      "google-forms-interview-booking.json",
      "google-forms/interview-booking.body.json",
      { startsAt: "2026-12-11T20:00:00-06:00", format: "in_person" },
    ],
    [
      "google-forms-interview-report.json",
      "google-forms/interview-report.body.json",
      { id: "PACIFIC-FM-2027", status: "cancelled" },
    ],
  ])("check %s %s puts the interview at the right instant", async (mapping, payload, interview) => {
    const { code, out, err } = await run("check", forms(mapping), fixture(payload));
    expect(err).toBe("");
    expect(code).toBe(0);
    const submission = SubmissionSchema.parse(JSON.parse(out));
    expect(submission.type).toBe("milestone.update");
    expect(submission.interviews).toEqual([expect.objectContaining(interview)]);
  });

  it("check notes that the earlier of two instants was chosen when the clocks go back", async () => {
    const event = JSON.parse(readFileSync(fixture("tally/interview-report.derived.json"), "utf8")) as {
      data: { fields: { label: string; value: unknown }[] };
    };
    for (const field of event.data.fields) {
      if (field.label === "Date") field.value = "2026-11-01";
      if (field.label === "Time") field.value = "01:30";
    }
    const payload = join(mkdtempSync(join(tmpdir(), "forms-")), "overlap.json");
    writeFileSync(payload, JSON.stringify(event));
    const { code, out, err } = await run("check", forms("tally-interview-report.json"), payload);
    expect(code).toBe(0);
    expect(SubmissionSchema.parse(JSON.parse(out)).interviews?.[0]).toMatchObject({
      startsAt: "2026-11-01T01:30:00-04:00",
    });
    expect(err).toBe(
      "note: interviews.0.startsAt: 2026-11-01 01:30 happens twice in America/New_York (the clocks go back); the earlier of the two instants, 2026-11-01T01:30:00-04:00, was chosen\n",
    );
  });

  it.each([["check"], ["list"], ["types"]])("%s --help prints the help and exits 0", async (command) => {
    const { code, out } = await run(command, "--help");
    expect(code).toBe(0);
    expect(out).toMatch(/^Connect a form without code/);
    expect(out).toContain("interviews.N.startsAt.date");
    expect(out).toMatch(/skip \(daylight saving time\) is refused/);
    expect(out).toContain('{ "date": { "locale": "en-US" } }');
    expect(out).toContain("jotform-interview-report.json");
  });

  it("check prints every problem and exits 2", async () => {
    const { code, out, err } = await run(
      "check",
      forms("jotform-applicant-intake.json"),
      fixture("jotform/response.multipart"),
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("applicant.externalId");
    expect(err).toContain("applicant.email");
    expect(err).toContain("applicant.graduation");
  });

  it("check reports an invalid mapping file by path and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "forms-"));
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        provider: "tally",
        formId: "F",
        kind: "applicant.snapshot",
        fields: { a: { to: "applicant.age" } },
      }),
    );
    const { code, err } = await run("check", file, fixture("tally/example-webhook-event.json"));
    expect(code).toBe(2);
    expect(err).toMatch(/fields\.a\.to: applicant\.age is not a snapshot path/);
  });

  it("check warns about a snapshot path a blank answer would leave empty, and is silent for a sound mapping", async () => {
    const shipped = JSON.parse(readFileSync(forms("google-forms-applicant-intake.json"), "utf8")) as {
      required: string[];
    };
    const payload = fixture("google-forms/applicant-intake.body.json");
    const sound = await run("check", forms("google-forms-applicant-intake.json"), payload);
    expect(sound.code).toBe(0);
    expect(sound.err).not.toContain("warning");
    const dir = mkdtempSync(join(tmpdir(), "forms-"));
    const file = join(dir, "optional-year.json");
    writeFileSync(
      file,
      JSON.stringify({ ...shipped, required: shipped.required.filter((key) => key !== "Match year") }),
    );
    const loose = await run("check", file, payload);
    expect(loose.code).toBe(0);
    expect(loose.err).toMatch(/warning: applicant\.matchYear: .*"Match year" is not in "required"/);
  });

  it("check honours --content-type for a urlencoded Jotform body", async () => {
    const dir = mkdtempSync(join(tmpdir(), "forms-"));
    const file = join(dir, "body.txt");
    writeFileSync(
      file,
      new URLSearchParams({ formID: "243231271343446", submissionID: "1", rawRequest: "{}" }).toString(),
    );
    const { code, err } = await run(
      "check",
      forms("jotform-applicant-intake.json"),
      file,
      "--content-type",
      "application/x-www-form-urlencoded",
    );
    expect(code).toBe(2);
    expect(err).toContain("q36_email");
  });

  it("list shows each mapping; --help explains; a missing argument is a usage error", async () => {
    const listed = await run("list");
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/tally\s+VwbNEw\s+milestone\.update/);
    expect((await run("--help")).out).toContain("npm run forms -- check");
    expect((await run("check", forms("tally-progress-update.json"))).code).toBe(1);
    expect((await run("check", forms("tally-progress-update.json"), "/nonexistent/body.json")).code).toBe(2);
  });
});
