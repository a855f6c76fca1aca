import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planFacts } from "#domain/console/row-as-of.ts";
import { STAGE_LABELS } from "#domain/console/stage.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * On 2 Jul 2027 the cohort row of Sana (Karachi, H-1B, matched on 19 Mar, Step 3
 * and the petition outstanding, start delayed) read stage "ERAS application" (her US clinical
 * experience, a step with no date, was still open) and "Next date" "—", although her weekly
 * "Your residency start is delayed" email was due on Wed 7 Jul. Rule: stage "Visa", and the next
 * date the next scheduled email's.
 */
const DIR = fileURLToPath(new URL("../../fixtures/advisor-review-2027/", import.meta.url));
const facts = () =>
  planFacts(
    planInOwnMatch(
      readSnapshot(DIR, "h1b-abroad-karachi-matched-start-delayed.json"),
      "2027-07-02T04:00:00Z",
    ),
    "Asia/Karachi",
  );

describe("a matched applicant whose start is delayed, on the console", () => {
  it("stands at the visa, not the ERAS application", () => {
    expect(STAGE_LABELS[facts().stage]).toBe("Visa");
  });

  it("shows the next scheduled email, on the day it is sent, not none", () => {
    // The week's notice goes out at this very instant (9:00 AM in Karachi); the row gives its send
    // day, not the day it announces (Wed 7 Jul), and says it is an email.
    const next = facts().nextDeadline;
    expect(next?.day).toBe("2027-07-02");
    expect(next?.kind).toBe("email");
    expect(next?.title).toContain("Your residency start is delayed");
  });
});

/**
 * Match Week marked done (matched) and Match Day not yet told: NRMP's Monday answer ended her
 * ranking, so the cohort row stands her where the plan does, with a matched applicant at the
 * contract and visa ("Visa"), not at "Rank order list". Ama: Accra, J-1, Match Week done 15 Mar 2027.
 * From Monday's notification to Friday's release too (16 and 18 Mar), when Match Day's card still
 * carries the words everyone reads: the stage reads the plan's fact (Plan.roadReached), not words.
 */
const MATCHED_DIR = fileURLToPath(new URL("../../fixtures/match-week-matched/", import.meta.url));
const AMA = readSnapshot(MATCHED_DIR, "ama-matched-accra.json");

describe("a Match-Week-matched applicant on the console", () => {
  it.each([
    "2027-03-16T12:00:00Z",
    "2027-03-18T12:00:00Z",
    "2027-03-20T12:00:00Z",
    "2027-04-20T10:00:00Z",
    "2027-07-02T10:00:00Z",
  ])("stands at the visa, not the rank order list (%s)", (now) => {
    expect(STAGE_LABELS[planFacts(planInOwnMatch(AMA, now), "Africa/Accra").stage]).toBe("Visa");
  });

  it("with Match Week not answered, the rank order list stage stays (guard)", () => {
    const unanswered = { ...AMA, milestones: AMA.milestones.filter((entry) => entry.key !== "match_week") };
    const stage = planFacts(planInOwnMatch(unanswered, "2027-03-20T12:00:00Z"), "Africa/Accra").stage;
    expect(STAGE_LABELS[stage]).toBe("Rank order list");
  });
});
