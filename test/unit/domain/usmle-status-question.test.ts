import { describe, expect, it } from "vitest";
import { EXAM_BOOKING_DAYS, STEP3_PROCESSING_DAYS } from "#domain/planner/advice.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * ERAS and NRMP done with no exam status reported (Lahore,
 * 2027 Match, signed up on Fri 4 Dec 2026 at 6 PM). The USMLE question is asked at sign-up (the first
 * delivery), again a week before FSMB's processing and a seat would no longer fit, and in the last
 * week before the last sitting day, Wed 27 Jan 2027 (projected).
 */
const DIR = new URL("../../fixtures/advisor-review-2027/", import.meta.url).pathname;
const result = planInOwnMatch(
  readSnapshot(DIR, "eras-nrmp-done-no-exam-status-lahore.json"),
  "2026-12-04T18:00:00+05:00",
);
const usmle = result.reminders.filter((one) => one.title.startsWith("Have you taken or booked USMLE"));

describe("the USMLE status question is asked three times", () => {
  it("at sign-up, the next delivery", () => {
    expect(usmle[0]?.sendAtLocal).toBe("2026-12-05T09:00:00.000+05:00");
    expect(usmle[0]?.title).toContain("USMLE Step 2 CK? If not, the 2027 Match is most likely out of reach");
  });

  it("again a week before FSMB's processing and a seat (about 21 days, advice) no longer fit", () => {
    const week = Date.parse(usmle[1]?.sendAt ?? "");
    const lead = (STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS) * 86_400_000;
    expect(Date.parse(usmle[1]?.deadline ?? "") - week).toBeGreaterThanOrEqual(lead);
    expect(week).toBeGreaterThan(Date.parse(usmle[0]?.sendAt ?? ""));
  });

  it("again in the last week before Wed 27 Jan 2027", () => {
    expect(usmle).toHaveLength(3);
    const last = Date.parse(usmle[2]?.sendAt ?? "");
    expect(last).toBeGreaterThanOrEqual(Date.parse("2027-01-20T00:00:00+05:00"));
    expect(last).toBeLessThan(Date.parse("2027-01-27T00:00:00+05:00"));
  });
});
