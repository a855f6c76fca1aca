import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { CONSULAR_WAIT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * Matched on H-1B abroad with Step 3 not passed, the risk saying the H-1B start is out of reach
 * named Step 3's day but not the stamping's date, nor that the petition's filing is planned one
 * consular allowance before it: what the applicant needs to tell the program when asking for a
 * later start. It names both dates and the allowance, as advice, with the petition's due rule as
 * its source. Layla lives in Cairo, certified, matched on 19 Mar 2027.
 */
const calendar = seasonCalendar(2027);
const layla = matched2027("Africa/Cairo", {
  visa: "H-1B",
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2025-10-01"),
    milestoneFactory("usmle_step3", "not_started"),
  ],
});
const outOfReach = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.severity === "critical");

describe("the H-1B start out of reach names the stamping's date and the petition's before it", () => {
  it.each([
    ["in March, the petition's date ahead", "2027-03-24T08:00:00Z"],
    ["in June, both past", "2027-06-20T08:00:00Z"],
  ])("%s", (_case, now) => {
    const risk = outOfReach(plan(layla, calendar, new Date(now)));
    expect(risk?.message).toContain(
      `This plan allows about ${CONSULAR_WAIT_DAYS} days from the petition's filing (Fri 16 Apr 2027) to your H-1B visa stamping at a US consulate (Wed 16 Jun 2027) for USCIS and the consulate's interview wait (our advice)`,
    );
    expect(risk?.message).toContain(
      "as soon as you match. Ask your program today whether it will start you later",
    );
    const due = catalogEntry("visa_h1b").due;
    expect(risk?.sources).toContain(due.source);
    expect(due.source).toContain("Global Visa Wait Times");
  });
});
