import { describe, expect, it } from "vitest";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";

// The CLI warned "Check the Match year" once per interview, two warnings for a plan
// moved to 2028 with two interviews of the written-off 2027 Match, whose steps already say they are
// for that Match (and the risk asks to change the Match year). Once is enough.

const NOW = "2027-02-08T07:30:00Z";

function cliErr(input: ReturnType<typeof inputFactory>): string {
  let err = "";
  const snapshot = { type: "applicant.snapshot", submissionId: "advf-f7", ...input };
  const code = runPlanCli(["applicant.json", "--now", NOW], {
    readFile: () => JSON.stringify(snapshot),
    now: () => new Date(NOW),
    out: () => {},
    err: (text) => {
      err += text;
    },
  });
  expect(code, err).toBe(0);
  return err;
}

const count = (text: string, words: string) => text.split(words).length - 1;

describe("the CLI's interview-season warning", () => {
  it("says nothing of the written-off Match's interviews: their steps say it", () => {
    const moved = inputFactory({
      applicant: applicantFactory({
        timezone: "Asia/Kuala_Lumpur",
        matchYear: 2027,
        graduation: "2024-05-31",
      }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
          "2025-10-02",
        ),
        ...doneMilestones(["eras_token", "eras_application", "nrmp_registration"]),
        milestoneFactory("usmle_step2ck", "in_progress"),
      ],
      interviews: [
        interviewFactory({
          id: "iv-a",
          program: "Riverside Community IM",
          startsAt: "2027-02-15T09:00:00-06:00",
          timezone: "America/Chicago",
        }),
        interviewFactory({
          id: "iv-b",
          program: "Lakeside General IM",
          startsAt: "2027-02-17T10:00:00-05:00",
        }),
      ],
    });
    expect(count(cliErr(moved), "Check the Match year")).toBe(0);
  });

  it("says 'Check the Match year' once for several interviews outside the season", () => {
    const typos = inputFactory({
      applicant: applicantFactory({
        timezone: "Asia/Kuala_Lumpur",
        matchYear: 2027,
        graduation: "2024-05-31",
      }),
      milestones: doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ],
        "2025-10-02",
      ),
      interviews: [
        interviewFactory({
          id: "iv-c",
          program: "Riverside Community IM",
          startsAt: "2027-06-15T09:00:00-05:00",
          timezone: "America/Chicago",
        }),
        interviewFactory({
          id: "iv-d",
          program: "Lakeside General IM",
          startsAt: "2027-07-17T10:00:00-04:00",
        }),
      ],
    });
    const err = cliErr(typos);
    expect(err).toContain("Riverside Community IM");
    expect(err).toContain("Lakeside General IM");
    expect(count(err, "Check the Match year")).toBe(1);
  });
});
