import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import { planDiff } from "#domain/console/what-if.ts";
import { buildContext } from "#domain/planner/context.ts";
import { criticalNoticeId } from "#domain/planner/critical-notice-id.ts";
import { noticePhase } from "#domain/planner/critical-notice-titles.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { escalationsSince } from "#usecases/escalation.ts";
import { planFor } from "./advisor-road.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * VISA_NOT_READY_FOR_START's H-1B out-of-reach words are made for a Match outcome: Match Day ahead
 * ("If you match …"), past and untold ("If you matched …"), or matched. The risk carries that
 * outcome as data, and the notice's phase and the advisor's voice read it there, never from the
 * words, so a reworded opening keeps each wording its own notice and the advisor is never told
 * "matched" before the applicant said so. Adaeze lives in Lagos, ranked on H-1B, Step 3 not passed.
 */
const ranked = (matchDay: boolean): PlannerInput => {
  const input = matched2027("Africa/Lagos", {
    visa: "H-1B",
    matchDay,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-10-20"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  return {
    ...input,
    applicant: { ...input.applicant, externalId: "h1b-match-outcome", fullName: "Adaeze Okafor" },
    milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap"),
  };
};
const visaRisk = (input: PlannerInput, now: string) =>
  planFor(input, now).risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
const ABOUT = { fullName: "Adaeze Okafor", matchYear: 2027, visa: "H-1B" as const };

describe("the H-1B out-of-reach risk carries the Match outcome its words were made for", () => {
  it("ahead before Match Day, unreported past it untold, none once matched", () => {
    expect(visaRisk(ranked(false), "2027-03-05T09:00:00Z")?.matchOutcome).toBe("ahead");
    expect(visaRisk(ranked(false), "2027-03-24T09:00:00Z")?.matchOutcome).toBe("unreported");
    const matched = visaRisk(ranked(true), "2027-03-24T09:00:00Z");
    expect(matched?.message).toMatch(/^The H-1B for your start date is likely out of reach/);
    expect(matched?.matchOutcome).toBeUndefined();
  });

  it("gives each outcome its own notice whatever the words", () => {
    const now = "2027-03-05T09:00:00Z";
    const risk = visaRisk(ranked(false), now);
    if (risk === undefined) throw new Error("no VISA_NOT_READY_FOR_START");
    const context = buildContext(ranked(false), seasonCalendar(2027), new Date(now));
    const reworded = { ...risk, message: "Should you match where an H-1B petition is filed, …" };
    expect(noticePhase(context, reworded)).toBe("match-ahead");
    const { matchOutcome: _, ...matchedWords } = reworded;
    expect(noticePhase(context, matchedWords)).toBeUndefined();
    expect(criticalNoticeId(reworded, 2027, "match-ahead")).not.toBe(criticalNoticeId(matchedWords, 2027));
  });

  it("is told to the advisor as not yet matched whatever the words", () => {
    const risk = { code: "VISA_NOT_READY_FOR_START" as const, message: "Reworded: …" };
    expect(riskForAdvisor({ ...risk, matchOutcome: "unreported" }, ABOUT)).toMatch(
      /^Adaeze Okafor has not said where they matched: if it was a program that files an H-1B petition/,
    );
    expect(riskForAdvisor({ ...risk, matchOutcome: "ahead" }, ABOUT)).toMatch(
      /^Adaeze Okafor ranked on H-1B and Match Day is still ahead/,
    );
  });

  it("keeps the outcome where the advisor's voice is made later: the escalation and the what-if", () => {
    const before = planFor(ranked(false), "2027-01-05T09:00:00Z");
    const after = planFor(ranked(false), "2027-03-05T09:00:00Z");
    const escalation = escalationsSince({ criticalCodes: [], overdue: [] }, after).find(
      (each) => each.risk?.code === "VISA_NOT_READY_FOR_START",
    );
    expect(escalation?.risk?.matchOutcome).toBe("ahead");
    const added = planDiff(before, after).risks.added.find(
      (risk) => risk.code === "VISA_NOT_READY_FOR_START",
    );
    expect(added?.matchOutcome).toBe("ahead");
  });
});
