import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, matched2027, milestoneFactory } from "./factories.ts";

/**
 * After the Match, a certificate not done holds back the
 * visa chain. On H-1B, once ranking is over, its target is Step 3's latest safe start before the
 * petition, its card says an H-1B start on the program's date is at risk once that target passed;
 * on J-1 the card names the DS-2019 and visa dates that slip. Both are reminded at least weekly.
 *
 * Tariq (H-1B, Lahore) and Noor (J-1, Lahore): matched on 19 Mar 2027, contract signed, the
 * certificate under way.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;

function matched(visa: "H-1B" | "J-1", name: string): PlannerInput {
  const input = matched2027("Asia/Karachi", {
    visa,
    extra: [
      milestoneFactory("ecfmg_certification", "in_progress"),
      milestoneFactory("contract", "done", "2027-03-25"),
      ...(visa === "J-1" ? [milestoneFactory("j1_statement_of_need", "done", "2027-03-30")] : []),
    ],
  });
  input.applicant = applicantFactory({
    ...input.applicant,
    externalId: name,
    fullName: name,
    graduation: "2025-06-30",
  });
  return input;
}

const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const certificate = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_certification");

/** The largest gap in days between the certificate's reminders from `now` until its last one. */
function largestGapDays(result: Plan, now: string): number {
  const times = [
    Date.parse(now),
    ...result.reminders
      .filter((each) => each.milestone === "ecfmg_certification")
      .map((each) => Date.parse(each.sendAt)),
  ].sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, ((times[i] ?? 0) - (times[i - 1] ?? 0)) / DAY);
  return gap;
}

describe("the certificate after the Match holds back the visa chain", () => {
  it("H-1B, Sun 25 Apr 2027: a passed target before Step 3, urgent, the start at risk, weekly", () => {
    const now = "2027-04-25T05:00:00Z";
    const result = planAt(matched("H-1B", "Tariq"), now);
    const step = certificate(result);
    expect(step?.target).toBeDefined();
    expect(Date.parse(step?.target?.at ?? "")).toBeLessThan(Date.parse(now));
    expect(step?.urgency).toBe("urgent");
    expect(step?.action).toContain(
      "an H-1B start on your program's date (Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours)) is now at risk",
    );
    expect(step?.action).toContain("GME office");
    expect(largestGapDays(result, now)).toBeLessThanOrEqual(7);
  });

  it("J-1, Sat 1 May 2027: the card names the DS-2019 and visa dates that slip, weekly", () => {
    const now = "2027-05-01T05:00:00Z";
    const result = planAt(matched("J-1", "Noor"), now);
    const step = certificate(result);
    expect(step?.action).toMatch(/DS-2019 \(planned for [^)]+\) and your J-1 visa \(planned for [^)]+\)/);
    // The start hangs on the certificate by a last day (VISA_NOT_READY_FOR_START): the card counts to it.
    expect(step?.deadline?.local).toBe("Mon 3 May 2027");
    // Past that day the certificate stays due by it, overdue: no countdown to the residency date
    // starts again (it read as relief beside a start out of reach).
    const after = planAt(matched("J-1", "Noor"), "2027-05-04T05:00:00Z");
    expect(certificate(after)?.deadline?.local).toBe("Mon 3 May 2027");
    expect(certificate(after)?.urgency).toBe("overdue");
    const countdown = after.reminders.filter(
      (each) => each.milestone === "ecfmg_certification" && each.risk === undefined,
    );
    expect(countdown.map((each) => each.deadlineDetail.local)).not.toContain("Wed 16 Jun 2027");
    expect(largestGapDays(result, now)).toBeLessThanOrEqual(7);
  });

  it("H-1B with no certified list: the Match is over for them, no petition target, no start at risk", () => {
    const input = matched("H-1B", "Tariq");
    input.milestones = input.milestones.filter(
      (each) => !["rank_order_list", "match_week", "match_day", "contract"].includes(each.key),
    );
    const step = certificate(planAt(input, "2027-04-25T05:00:00Z"));
    expect(step?.target?.source ?? "").not.toContain("target for the H-1B petition");
    expect(step?.action ?? "").not.toContain("is now at risk");
  });
});
