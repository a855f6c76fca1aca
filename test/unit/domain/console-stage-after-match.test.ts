import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planFacts } from "#domain/console/row-as-of.ts";
import { STAGE_LABELS } from "#domain/console/stage.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Tester t9y F13: on 2 Jul 2027 the cohort row of Sana (Karachi, H-1B, matched on 19 Mar, Step 3
 * and the petition outstanding, start delayed) read stage "ERAS application" (her US clinical
 * experience, a step with no date, was still open) and "Next date" "—", although her weekly
 * "Your residency start is delayed" email was due on Wed 7 Jul. Ruling: stage "Visa", and the next
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

describe("a matched applicant whose start is delayed, on the console (t9y F13)", () => {
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
