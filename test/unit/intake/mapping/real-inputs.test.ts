import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runForms } from "../../../../shared/cli/forms.ts";
import { examplePath } from "../providers/support.ts";

/**
 * The real-world inputs that did not map, copied into test/fixtures/providers/real-inputs
 * (sources in test/fixtures/providers/SOURCES.md), run through `npm run forms -- check` as an operator would.
 */
const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const realInput = (name: string) => join(ROOT, "test", "fixtures", "providers", "real-inputs", name);
const forms = examplePath;

async function check(mapping: string, payload: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runForms(["check", mapping, payload], {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}

describe("real inputs that used to be refused", () => {
  it("a Tally one-answer choice sent as a bare option id resolves to its text", async () => {
    const { code, out, err } = await check(
      forms("tally-progress-update.json"),
      realInput("tally-single-choice-bare-id.json"),
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      type: "milestone.update",
      submissionId: "tally:2wgx4n",
      applicant: { externalId: "IMG-2027-0042" },
      milestones: [{ key: "usmle_step2ck", status: "in_progress" }],
    });
  });

  it("a Jotform Appointment books an interview at the instant its own zone names", async () => {
    const { code, out, err } = await check(
      realInput("jotform-appointment.mapping.json"),
      realInput("jotform-appointment-interview.multipart"),
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    const submission = JSON.parse(out) as { interviews: { startsAt: string }[] };
    expect(submission.interviews).toEqual([
      {
        program: "Example University IM (Chicago)",
        // 20:00 in Europe/London (the appointment's zone), written with the program's offset.
        startsAt: "2026-12-11T14:00:00-06:00",
        timezone: "America/Chicago",
        format: "virtual",
      },
    ]);
  });
});
