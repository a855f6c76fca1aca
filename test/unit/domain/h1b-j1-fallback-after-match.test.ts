import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";
import { LATER_START_2027 } from "./fixture-snapshots.ts";

/**
 * Matched on H-1B, Step 3 not passed, living abroad. By the plan's
 * own allowances (FSMB's 14 days, 60 days for a visitor visa interview, about 7 days to a seat) no
 * sitting comes before the day the petition needs it, so a critical risk says the H-1B for the start
 * date is likely out of reach (with the petition due 60 days before the stamping, that day is Match
 * Day, so even with a B-1/B-2 already held; with a later start, unless one is held), and names the
 * J-1 fallback: ask the
 * program today, switch the track, request the Statement of Need now, with the time the J-1 chain
 * gives each step (j1-allowances-agree.test.ts checks those figures against the plan's dates). Nnamdi lives in Abuja (Africa/Lagos); the same applicant in Chicago has no visitor visa to wait for, and
 * FSMB's processing and a seat alone put Match Day out of reach, but not a later start's day.
 */
const calendar = seasonCalendar(2027);
const matchedAbroad = (timezone: string) =>
  matched2027(timezone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
const fallback = (result: Plan) =>
  result.risks.find((risk) => risk.severity === "critical" && risk.message.includes("Statement of Need"));

describe("matched on H-1B, Step 3 out of reach for the petition", () => {
  it("on Thu 25 Mar 2027: a critical risk names the J-1 fallback with the chain's allowances", () => {
    const risk = fallback(plan(matchedAbroad("Africa/Lagos"), calendar, new Date("2027-03-25T09:00:00Z")));
    expect(risk?.message).toContain("likely out of reach, even if you already hold a B-1/B-2 visa");
    expect(risk?.message).toContain(
      "Ask your program today whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1",
    );
    expect(risk?.message).toContain("switch your visa track to J-1 and request your Statement of Need");
    // The Statement of Need's usual 60-day lead is advice; after Match Day the chain leaves it 17 days,
    // and 30 days from the DS-2019 to the visa for the consular interview.
    expect(risk?.message).toMatch(/Statement of Need[^.]*about 60 days ahead, our advice/);
    expect(risk?.message).toContain("after Match Day this plan allows it 17 days, to Mon 5 Apr 2027");
    expect(risk?.message).toContain("with 30 days allowed from the DS-2019 to the visa (our advice)");
    expect(risk?.sources?.join(" ")).toContain("ecfmg.org/evsp");
  });

  it("with a later start (Step 3's day Mon 19 Apr 2027), a visitor visa already held still fits", () => {
    const later = fallback(
      plan(matchedAbroad("Africa/Lagos"), LATER_START_2027, new Date("2027-03-25T09:00:00Z")),
    );
    expect(later?.message).toContain(
      "likely out of reach, unless you already hold a B-1/B-2 visa: then sit Step 3 in the US by Mon 19 Apr 2027",
    );
    expect(later?.message).toContain("switch your visa track to J-1 and request your Statement of Need");
  });

  it("in the US FSMB's processing and a seat alone put the day out of reach: no visitor visa, no trip", () => {
    const risk = fallback(plan(matchedAbroad("America/Chicago"), calendar, new Date("2027-03-25T15:00:00Z")));
    expect(risk?.message).toContain("about 14 days of FSMB processing and about 7 days to a US test date");
    expect(risk?.message).toContain("switch your visa track to J-1 and request your Statement of Need");
    expect(risk?.message).not.toMatch(/visitor visa|B-1\/B-2|taken only in the US/);
  });

  it("in the US a later start (Step 3's day Mon 19 Apr 2027) still fits: no fallback", () => {
    const result = plan(matchedAbroad("America/Chicago"), LATER_START_2027, new Date("2027-03-25T15:00:00Z"));
    expect(fallback(result)).toBeUndefined();
  });
});
