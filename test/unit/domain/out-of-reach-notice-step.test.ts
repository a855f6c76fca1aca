import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// The out-of-reach email rode on the plan's first next step ("Gain US clinical
// experience", or the certificate), a step the risk is not about. It carries the step whose result
// decides the earliest feasible Match (the one reported last at the fastest pace), or the first
// unfinished step that one waits for, and its title fits the risk's facts once the rank order list
// deadline has passed.

const EARLY: readonly MilestoneKey[] = ["wdoms_listing", "ecfmg_application", "usmle_step1"];

/** Lagos, Step 1 and Step 2 CK done, the OET and the Pathway not started. */
const oetAndPathwayToDo = inputFactory({
  applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2024-06-30" }),
  milestones: doneMilestones([...EARLY, "usmle_step2ck"], "2025-03-01"),
});
/** Kolkata, every exam and the Pathway done but Step 2 CK, not started. */
const step2ToDo = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, graduation: "2024-06-30" }),
  milestones: doneMilestones([...EARLY, "oet_medicine", "ecfmg_pathway"], "2025-03-01"),
});
/** Manila, Step 2 CK sat 11 Jan 2027 with no result told, a 2027 list certified. */
const step2Unreported = inputFactory({
  applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027, graduation: "2022-11-15" }),
  milestones: [
    ...doneMilestones(
      REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
      "2025-03-01",
    ),
    milestoneFactory("usmle_step2ck", "scheduled", "2027-01-11"),
    milestoneFactory("rank_order_list", "done", "2027-02-03"),
  ],
});

const notice = (result: Plan) => result.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG);
const planAt = (input: PlannerInput, now: string) => plan(input, seasonCalendar(2027), new Date(now));

describe("the out-of-reach notice carries the step that decides the earliest Match", () => {
  it.each([
    [
      "OET and Pathway to do: the Pathway's deadline dropped the Match, and the notice stays there",
      oetAndPathwayToDo,
      // After the OET's last sitting day (5 Jan 2027): on 2 Dec 2026 the OET counted at its fastest
      // pace (the booking only) still made the 2027 Match. The Pathway's deadline
      // (26 Dec 2026) passing dropped it, and the notice sent then stays on the Pathway after the
      // OET's last sitting day too (it moved to the OET). The Pathway's deadline
      // drops it only after its latest candidate (Tue 2 Feb 2027); before that the OET's later last
      // sitting day (12 Jan) is the day crossed, so the instant is after 2 Feb.
      "2027-02-04T09:00:00Z",
      "ecfmg_pathway",
    ],
    ["Step 2 CK not started", step2ToDo, "2026-12-02T12:30:00Z", "usmle_step2ck"],
    [
      "Step 2 CK sat, result untold, list certified",
      step2Unreported,
      "2027-03-28T12:00:00Z",
      "usmle_step2ck",
    ],
  ] as const)("%s", (_name, input, now, step) => {
    // Prepare / Act
    const result = planAt(input, now);
    const out = notice(result);
    // Assess: a notice, about the deciding step, which is a next step (never blocked)
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.decidedBy).toBe(step);
    expect(out?.milestone).toBe(step);
    expect(result.nextSteps.map((each) => each.milestone)).toContain(step);
    const email = renderReminderEmail({
      recipientName: "Applicant",
      reminders: out === undefined ? [] : [out],
      plan: result,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    const card = result.nextSteps.find((each) => each.milestone === step);
    expect(email.text).toContain(`Next step, for ${card?.title}:`);
    expect(email.text).not.toContain("Next step, for Gain US clinical experience");
  });

  it("before the deadline, the title says the Match is out of reach and names the next one", () => {
    expect(notice(planAt(step2ToDo, "2026-12-02T12:30:00Z"))?.title).toBe(
      "The 2027 Match is out of reach: update your Match year to 2028 in your intake form",
    );
  });

  it("after Match Day with a certified list, the title asks about the result rather than writing the Match off", () => {
    // From Match Week to a week after Match Day the list may still count:
    // no out-of-reach notice then.
    expect(notice(planAt(step2Unreported, "2027-03-16T01:00:00Z"))).toBeUndefined();
    const title = notice(planAt(step2Unreported, "2027-03-28T12:00:00Z"))?.title ?? "";
    expect(title).not.toContain("is out of reach");
    expect(title).toContain("2027");
    expect(title).toContain("2028 Match");
    expect(title).toMatch(/rank order list/);
  });
});
