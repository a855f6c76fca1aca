import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
} from "#test/unit/domain/factories.ts";
import { runCli } from "../../../shared/cli/plan.ts";
import { USAGE } from "../../../shared/cli/plan-args.ts";

/**
 * An advisor previews the emails of an applicant in Kuala Lumpur whose two interviews are dated in
 * June and July 2027, outside the 2027 Match's interview season (a typo of the year, most likely).
 * The plan's table warns that the plan does not read them; the email preview, planning the same
 * snapshot, printed nothing, so its emails' silence about the interviews went unexplained.
 */
const NOW = "2027-02-08T07:30:00Z";
const typos = {
  type: "applicant.snapshot",
  submissionId: "preview-warnings",
  ...inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Kuala_Lumpur", matchYear: 2027, graduation: "2024-05-31" }),
    milestones: doneMilestones(
      ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"],
      "2025-10-02",
    ),
    interviews: [
      interviewFactory({
        id: "iv-c",
        program: "Riverside Community IM",
        startsAt: "2027-06-15T09:00:00-05:00",
        timezone: "America/Chicago",
      }),
      interviewFactory({ id: "iv-d", program: "Lakeside General IM", startsAt: "2027-07-17T10:00:00-04:00" }),
    ],
  }),
};

async function errOf(...flags: string[]): Promise<string> {
  let err = "";
  const code = await runCli(["applicant.json", "--now", NOW, ...flags], {
    readFile: () => JSON.stringify(typos),
    now: () => new Date(NOW),
    out: () => {},
    err: (text) => {
      err += text;
    },
  });
  expect(code, err).toBe(0);
  return err;
}

describe("the email preview of an applicant whose interviews fall outside the Match's season", () => {
  it("prints the plan's interview warnings, word for word", async () => {
    const planned = await errOf();
    expect(planned).toContain("Riverside Community IM");
    const dir = mkdtempSync(join(tmpdir(), "matchpath-emails-"));
    expect(await errOf("--emails", dir, "--count", "1")).toBe(planned);
  });

  it("--help says the preview starts from an empty ledger", () => {
    expect(USAGE).toContain("an empty ledger, nothing sent");
  });
});
