import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An applicant with no visa route chosen,
 * in Denver, certified, Step 3 not started, on Mon 11 Jan 2027. On the H-1B route Step 3's result
 * misses the projected rank order list deadline (Wed 24 Feb) but fits its later candidate (Wed 3
 * Mar), so VISA_UNDECIDED's "most likely out of reach" says that side too, with its days.
 */
const undecided = (iso: string): Plan =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "undecided-later-step3",
        timezone: "America/Denver",
        matchYear: 2027,
        graduation: "2024-05-31",
        visa: "undecided",
      }),
      milestones: [
        ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
        milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
        milestoneFactory("usmle_step3", "not_started"),
      ],
      interviews: [interviewFactory({ startsAt: "2026-12-08T10:00:00-07:00" })],
    }),
    seasonCalendar(2027),
    new Date(iso),
  );
const risk = (result: Plan) => result.risks.find((each) => each.code === "VISA_UNDECIDED")?.message ?? "";

describe("VISA_UNDECIDED before ranking names the later candidate's Step 3 days", () => {
  it("on Mon 11 Jan 2027: out of reach by the projected deadline, still time by the later candidate", () => {
    const message = risk(undecided("2027-01-11T17:00:00Z"));
    expect(message).toContain("most likely out of reach");
    expect(message).toContain("If NRMP's 2027 deadline is the later candidate");
    expect(message).toContain(
      "apply to FSMB by Wed 13 Jan 2027 and sit Step 3 by Wed 3 Feb 2027 (our advice)",
    );
  });

  it("past that apply-by day (Fri 15 Jan): out of reach, no later-candidate days", () => {
    const message = risk(undecided("2027-01-15T17:00:00Z"));
    expect(message).toContain("most likely out of reach");
    expect(message).not.toContain("apply to FSMB by Wed 13 Jan");
  });
});
