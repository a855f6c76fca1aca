import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A Step 3 booked for Fri 26 Mar 2027, after the petition's day (Fri 19 Mar 2027), reads in the
 * words of where the applicant stands with the Match. While ranking is open in the US, the step is
 * held to the petition's day, so its booked words speak of the petition for a match not yet known,
 * never of rank lists beside that day. After Monday's "Matched", of the program they matched with,
 * never "the program you match with". Ranking on H-1B, certificate done: Kayode in Lagos, Grace in
 * Chicago.
 */
const step3Card = (timezone: string, now: string, ...more: MilestoneEntry[]) => {
  const input = inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30", visa: "H-1B" }),
    milestones: [
      ...doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"], "2026-09-10"),
      milestoneFactory("usmle_step3", "scheduled", "2027-03-26"),
      ...more,
    ],
  });
  const planned = plan(input, seasonCalendar(2027), new Date(now));
  return planned.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
};

describe("a Step 3 booked after the petition's day, in its outcome's words", () => {
  it("in the US while ranking is open: the petition's words for a match not yet known", () => {
    const card = step3Card("America/Chicago", "2027-02-10T16:00:00Z");
    expect(card).toContain(
      "Your exam is on Fri 26 Mar 2027, after Fri 19 Mar 2027 (our advice), the last day to sit it for the result to reach the program you match with in time for its H-1B petition.",
    );
    expect(card).toContain("As booked, if the program you match with files an H-1B petition for you");
    expect(card).not.toContain("before they certify their rank lists");
  });

  it.each(["America/Chicago", "Africa/Lagos"])(
    "%s, after Monday's Matched: the program they matched with",
    (zone) => {
      const card = step3Card(
        zone,
        "2027-03-16T10:00:00Z",
        milestoneFactory("rank_order_list", "done", "2027-02-10"),
        milestoneFactory("match_week", "done", "2027-03-15"),
      );
      expect(card).toContain("to reach the program you matched with in time for its H-1B petition");
      expect(card).toContain("As booked, if the program you matched with files an H-1B petition for you");
      expect(card).not.toContain("you match with");
    },
  );
});
