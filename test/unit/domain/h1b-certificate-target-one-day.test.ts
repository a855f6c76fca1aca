import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Matched on H-1B for a 1 Jul 2027 start, the contract signed, the ECFMG certificate still not
// issued and Step 3 not started: the certificate's target is the one Step 3 before the H-1B petition
// needs, long passed in April. Its row and its card name that one target by one day: east of ET the
// row read "target for the H-1B petition: passed Tue 12 Jan 2027" beside the card's "your
// certificate was needed by Mon 11 Jan 2027".

const calendar = seasonCalendar(2027);
const applicant = (zone: string) =>
  matched2027(zone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("ecfmg_certification", "in_progress"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });

describe("the H-1B certificate's passed target: one day on its row and its card", () => {
  it.each([
    ["Pacific/Auckland", "2027-04-20T10:00:00+12:00"],
    ["Africa/Lagos", "2027-04-20T10:00:00+01:00"],
    ["Pacific/Honolulu", "2027-04-20T10:00:00-10:00"],
  ])("in %s", (zone, now) => {
    const result = plan(applicant(zone), calendar, new Date(now));
    const card = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    const neededBy = card?.action.match(/certificate was needed by (\w{3} \d+ \w{3} \d{4})/)?.[1];
    expect(neededBy).toBeDefined();
    expect(card?.target?.local).toBe(neededBy);
  });
});
