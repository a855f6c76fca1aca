import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, doneMilestones, inputFactory } from "./factories.ts";

/**
 * Once the 2027 Match's (projected) Pathway deadline has passed, the plan sent the
 * applicant to wait for the 2028 Pathways only. ECFMG's Pathways season has stayed open after the
 * Match ("The online application for 2025 Pathways … will close on May 31, 2025",
 * ECFMG Focus issue 88): the current season is the earliest route to certification, and the card
 * and the risk say so, with no invented 2027 date (the pattern, its source, "verify on ECFMG's
 * Pathways page").
 */

/** Wanjiru, in Nairobi: everything done for the 2027 Match but the Pathway; OET passed in November. */
const wanjiru = inputFactory({
  applicant: applicantFactory({ externalId: "wanjiru-nairobi", timezone: "Africa/Nairobi", matchYear: 2027 }),
  milestones: [
    ...doneMilestones(DONE_BUT_OET_AND_PATHWAY, "2026-06-01"),
    { key: "oet_medicine", status: "done", date: "2026-11-10" },
    { key: "ecfmg_pathway", status: "not_started" },
  ],
});

const ISSUE_88 = "https://gp.ecfmg.org/focus/issue88.html";
const pathwayCard = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.action ?? "";
const outOfReach = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");

describe("a missed Pathway deadline names the current Pathways season", () => {
  // Past the latest candidate for the Pathway deadline, Tue 2 Feb 2027:
  // before it the 2027 Match is kept with "submit today" and no current-Pathways words.
  const result = plan(wanjiru, seasonCalendar(2027), new Date("2027-02-04T09:00:00+03:00"));

  it("the card: the 2027 Pathways may still be open (pattern, source, verify), before the 2028 ones", () => {
    const card = pathwayCard(result);
    expect(card).toContain("2027 Pathways");
    expect(card).toContain("closed on Sat 31 May 2025");
    expect(card).toContain("verify on ECFMG's Pathways page");
    expect(card).toContain("2028 Pathways");
    expect(card.indexOf("2027 Pathways")).toBeLessThan(card.indexOf("2028 Pathways"));
  });

  it("the risk says it too and cites ECFMG Focus issue 88", () => {
    const risk = outOfReach(result);
    expect(risk?.message).toContain("2027 Pathways");
    expect(risk?.message).toContain("verify on ECFMG's Pathways page");
    expect(risk?.sources).toContain(ISSUE_88);
  });

  it("no invented 2027 closing date", () => {
    const said = `${pathwayCard(result)}\n${outOfReach(result)?.message}`;
    expect(said).not.toMatch(/\d{1,2} May 2027/);
  });

  it("once the pattern's end of May has passed, it is not said", () => {
    const june = plan(wanjiru, seasonCalendar(2027), new Date("2027-06-05T09:00:00+03:00"));
    expect(pathwayCard(june)).toContain("2028 Pathways");
    expect(pathwayCard(june)).not.toContain("2027 Pathways");
  });
});
