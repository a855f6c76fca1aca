import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot, MilestoneEntry, Visa } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A J-1 applicant heard nothing of the Statement of Need until Match Day, then had 17 days (the
 * 2027 Match) to get a letter from the home Ministry of Health, which can take weeks. While the rank
 * list is made and up to the Match, the rank list's and Match Week's cards say what a match will
 * need and to find out now how the ministry issues it (advice), citing ECFMG's requirement: a
 * heads-up, no deadline before the Match. Silent on the other tracks.
 * Manila, J-1, 2027 Match, interviewing, the rank list not yet certified (Match outcomes left out).
 */
const DIR = fileURLToPath(new URL("../../fixtures/notices-after-the-match/", import.meta.url));
const matched = readSnapshot(DIR, "j1-matched-manila-nothing-done-after-match.json");
const OUTCOMES = new Set(["rank_order_list", "match_week", "match_day"]);

function ranking(visa: Visa, ...entries: MilestoneEntry[]): ApplicantSnapshot {
  return {
    ...matched,
    applicant: { ...matched.applicant, visa },
    milestones: [...matched.milestones.filter((entry) => !OUTCOMES.has(entry.key)), ...entries],
  };
}
const actionOf = (result: Plan, key: string): string =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";
const HEADS_UP =
  "If you match, you will need a Statement of Need from your home country's Ministry of Health";
const RANKING = "2027-02-10T02:00:00Z"; // Wed 10 Feb, 10:00 AM in Manila
const MATCH_WEEK = "2027-03-16T02:00:00Z"; // Tue 16 Mar, Match Week

describe("a J-1 applicant hears of the Statement of Need before the Match", () => {
  it("on the rank list's card while ranking: what a match needs, when, and to find out now (advice, ECFMG cited)", () => {
    const result = planInOwnMatch(ranking("J-1"), RANKING);
    const action = actionOf(result, "rank_order_list");
    expect(action).toContain(
      `${HEADS_UP} naming the specialty you match into: it goes to ECFMG with your J-1 sponsorship application, which this plan dates 17 days after Match Day, and ministries take weeks to issue it. Find out now how your ministry issues it and how long it takes (advice; ECFMG's requirement: https://golive.ecfmg.org/evsp/applying-general-selected-regulations.html).`,
    );
    // No deadline of its own before the Match: the step itself still waits for Match Day.
    expect(result.nextSteps.map((step) => step.milestone)).not.toContain("j1_statement_of_need");
  });

  it("on Match Week's card with the list certified, up to Match Day's release", () => {
    const certified = ranking("J-1", { key: "rank_order_list", status: "done", date: "2027-02-20" });
    expect(actionOf(planInOwnMatch(certified, MATCH_WEEK), "match_week")).toContain(HEADS_UP);
    const released = planInOwnMatch(certified, "2027-03-20T02:00:00Z");
    expect(JSON.stringify(released.nextSteps)).not.toContain(HEADS_UP);
  });

  it.each(["H-1B", "none", "undecided"] as const)("silent on the %s track", (visa) => {
    const result = planInOwnMatch(ranking(visa), RANKING);
    expect(JSON.stringify(result)).not.toContain(HEADS_UP);
  });

  it("silent once the Statement of Need is asked for", () => {
    const asked = ranking("J-1", { key: "j1_statement_of_need", status: "in_progress", date: "2027-02-01" });
    expect(JSON.stringify(planInOwnMatch(asked, RANKING))).not.toContain(HEADS_UP);
  });
});
