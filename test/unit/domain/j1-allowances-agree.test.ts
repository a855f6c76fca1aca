import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * The J-1 texts name the time the chain after the Match gives each step, never a lead time the chain
 * cannot hold. For the 2027 Match the chain is: Match Day, the Statement of Need due with ECFMG's
 * sponsorship application (17 days later, 6 weeks before the DS-2019), the DS-2019 a month before
 * the visa. Every figure below is read from the plan's own dates, so the test follows the catalog's
 * rules, not a literal:
 * - the expedite note on the visa step fires when less than the DS-2019 → visa gap is left, and names it;
 * - the H-1B applicant's J-1 fallback gives the Statement of Need the Match Day → sponsorship gap and
 *   the consular interview the DS-2019 → visa gap (its 60-day usual lead is kept only as our advice);
 * - the visa step's lead time (its latest safe start) is that same DS-2019 → visa gap.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;
const HOUR = 3_600_000;

type Step = Plan["nextSteps"][number] | Plan["blocked"][number];
const stepOf = (result: Plan, key: string): Step | undefined =>
  [...result.nextSteps, ...result.blocked].find((s) => s.milestone === key);
// A whole-day deadline's day, else (Match Day, an instant NRMP sets) its day in ET.
const nextStep = (result: Plan, key: string) => result.nextSteps.find((s) => s.milestone === key);
const dayOf = (result: Plan, key: string): string => {
  const deadline = stepOf(result, key)?.deadline;
  if (deadline === undefined) throw new Error(`${key}: no deadline in the plan`);
  return deadline.day ?? new Date(deadline.at).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
};
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

// The chain as the plan dates it, before Match Day (every step of it listed, with its deadline).
const chain = plan(
  matched2027("Africa/Lagos", { matchDay: false }),
  calendar,
  new Date("2027-03-10T09:00:00Z"),
);
const needGap = daysBetween(dayOf(chain, "match_day"), dayOf(chain, "j1_ecfmg_sponsorship"));
const consularGap = daysBetween(dayOf(chain, "j1_ds2019"), dayOf(chain, "visa_j1"));

describe("the J-1 texts' day figures are the chain's own gaps (2027 Match)", () => {
  it("the chain: the Statement of Need due with the sponsorship, 17 days after Match Day; the DS-2019 a month before the visa", () => {
    expect(dayOf(chain, "j1_statement_of_need")).toBe(dayOf(chain, "j1_ecfmg_sponsorship"));
    expect(needGap).toBe(17);
    const due = catalogEntry("j1_ds2019").due;
    expect(due.from === "milestone" ? -due.offsetDays : null).toBe(consularGap);
  });

  it("the visa step's lead time is the DS-2019 → visa gap; with the DS-2019 in hand its start-by is now, not later than the DS-2019's day", () => {
    expect(catalogEntry("visa_j1").leadTimeDays.days).toBe(consularGap);
    const now = new Date("2027-05-10T09:00:00Z");
    const visa = nextStep(plan(withDs2019(), calendar, now), "visa_j1");
    const visaAt = Date.parse(visa?.deadline?.at ?? "");
    // The latest safe start (the DS-2019's day, a week ahead) bounds it; the consular wait is not
    // the applicant's to time, so the DS-2019 in hand starts it at once (startsOnceFree).
    expect(Date.parse(visa?.startBy ?? "")).toBe(now.getTime());
    expect(now.getTime()).toBeLessThan(visaAt - consularGap * DAY);
  });

  it("the expedite note fires below the consular allowance, not before, and names it", () => {
    const visaAt = Date.parse(stepOf(chain, "visa_j1")?.deadline?.at ?? "");
    const actionAt = (now: number) =>
      nextStep(plan(withDs2019(), calendar, new Date(now)), "visa_j1")?.action ?? "";
    // Ten days more than the allowance left, and one hour more: the chain runs to plan, no note.
    expect(actionAt(visaAt - (consularGap + 10) * DAY)).not.toContain("Less time is left");
    expect(actionAt(visaAt - consularGap * DAY - HOUR)).not.toContain("Less time is left");
    const short = actionAt(visaAt - consularGap * DAY + HOUR);
    expect(short).toContain("Less time is left");
    expect(short).toContain(`the ${consularGap} days this plan allows for a consular interview (our advice)`);
  });

  it("the H-1B applicant's J-1 fallback names the chain's gaps, and the 60-day lead only as advice", () => {
    const input = matched2027("Africa/Lagos", {
      visa: "H-1B",
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
        milestoneFactory("usmle_step3", "not_started"),
      ],
    });
    const message =
      plan(input, calendar, new Date("2027-03-25T09:00:00Z")).risks.find((risk) =>
        risk.message.includes("Statement of Need"),
      )?.message ?? "";
    const j1 = message.slice(message.indexOf("Ask your program today"));
    expect(j1).not.toBe("");
    expect(j1.match(/after Match Day this plan allows it (\d+) days/)?.[1]).toBe(String(needGap));
    expect(j1).toContain(`to ${stepOf(chain, "j1_ecfmg_sponsorship")?.deadline?.local}`);
    expect(j1.match(/with (\d+) days allowed from the DS-2019 to the visa/)?.[1]).toBe(String(consularGap));
    // Every other day figure is the Statement of Need's usual lead, and it is labelled advice.
    const lead = catalogEntry("j1_statement_of_need").leadTimeDays.days;
    const others = [...j1.matchAll(/(\d+) days/g)]
      .map((m) => Number(m[1]))
      .filter((days) => days !== needGap && days !== consularGap);
    expect(others).toEqual([lead]);
    expect(j1).toContain(`about ${lead} days ahead, our advice`);
  });
});

/** Matched on a J-1 in Lagos with every step before the visa done, the DS-2019 in hand on 10 May. */
function withDs2019() {
  return matched2027("Africa/Lagos", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-05"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-09"),
      milestoneFactory("j1_ds2019", "done", "2027-05-10"),
    ],
  });
}
