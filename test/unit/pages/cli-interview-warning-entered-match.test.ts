import { describe, expect, it } from "vitest";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";

// The CLI's interview-season
// warning judges and names the Match the applicant entered, not the one the plan moved to because
// the interview did not count; and an interview it warns about is never evidence.

function run(input: ReturnType<typeof inputFactory>, now: string): { err: string; out: string } {
  let err = "";
  let out = "";
  const snapshot = { type: "applicant.snapshot", submissionId: "adve2-f10", ...input };
  const code = runPlanCli(["applicant.json", "--now", now], {
    readFile: () => JSON.stringify(snapshot),
    now: () => new Date(now),
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  expect(code, err).toBe(0);
  return { err, out };
}

const applicant = applicantFactory({
  externalId: "adve2-cli",
  timezone: "Asia/Manila",
  matchYear: 2027,
  graduation: "2025-04-30",
});

describe("the CLI's interview-season warning names the entered Match", () => {
  it("entered 2027, plan moved to 2028: an August 2026 interview is outside the 2027 Match's season", () => {
    const input = inputFactory({
      applicant,
      milestones: [milestoneFactory("usmle_step2ck", "not_started")],
      interviews: [
        interviewFactory({
          id: "iv-aug",
          program: "Bayview Pediatrics",
          startsAt: "2026-08-26T09:00:00-04:00",
        }),
      ],
    });
    const { err, out } = run(input, "2026-12-03T02:00:00Z");
    expect(out).toContain("planned for the 2028 Match");
    expect(err).toContain(
      "The interview at Bayview Pediatrics on 2026-08-26 is outside the 2027 Match's interview season: programs may review ERAS applications from 2026-09-23 (projected)",
    );
    expect(err).not.toContain("2028 Match's interview season");
  });

  it("1 Sep and 2 Sep 2026: both warned against the 2027 season, and the plans agree", () => {
    const on = (day: string) =>
      run(
        inputFactory({
          applicant,
          milestones: [],
          interviews: [
            interviewFactory({
              id: "iv-edge",
              program: "Bayview Pediatrics",
              startsAt: `${day}T10:00:00-04:00`,
            }),
          ],
        }),
        "2026-09-05T09:00:00Z",
      );
    const first = on("2026-09-01");
    const second = on("2026-09-02");
    expect(first.err).toContain("is outside the 2027 Match's interview season");
    expect(second.err).toContain("is outside the 2027 Match's interview season");
    expect(second.out.includes("planned for the 2028 Match")).toBe(
      first.out.includes("planned for the 2028 Match"),
    );
    expect(second.out).not.toContain("CERTIFICATION_STATUS_UNREPORTED");
  });

  it("a moved plan's interview in the later Match's season is that Match's: no warning", () => {
    const input = inputFactory({
      applicant,
      milestones: [
        ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2025-10-02"),
        milestoneFactory("usmle_step2ck", "not_started"),
      ],
      interviews: [
        interviewFactory({
          id: "iv-nov",
          program: "Bayview Pediatrics",
          startsAt: "2027-11-10T09:00:00-05:00",
        }),
      ],
    });
    const { err, out } = run(input, "2027-04-02T02:00:00Z");
    expect(out).toContain("2028 Match");
    expect(err).not.toContain("Bayview Pediatrics");
  });
});
