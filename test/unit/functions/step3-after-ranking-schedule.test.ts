import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";
import { MATCHED_2027 } from "./matched-2027.ts";

// Chicago, matched, Step 3 not booked, a week after Match Day.
const now = new Date("2027-03-25T09:00:00Z");
const MATCHED_H1B: MilestoneEntry[] = [...MATCHED_2027];
/**
 * Once the rank order list deadline has passed, Step 3 on the H-1B track is due before the program
 * files the petition (our advice), a day that decides the start, not the Match. "Scheduled for…"
 * after it answered "a result from that day comes too late to count for this Match" to an applicant
 * who has matched.
 */
describe("Scheduled for… Step 3 after ranking, past the H-1B petition's sit-by day", () => {
  it("says what the day decides, the start, never the Match", async () => {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory({ timezone: "America/Chicago", visa: "H-1B" }), { milestones: MATCHED_H1B });
    const api = applicantPagesApi(store, { clock: new FixedClock(now) });
    const links = linksSignedAt(now);
    const page = await api(
      linkRequest("GET", links.action("usmle_step3", "schedule"), undefined, "text/html"),
    );
    expect(page.body).toContain(
      "This plan needed it by <strong>Fri 19 Mar 2027</strong> (our advice), which has passed",
    );
    expect(page.body).not.toMatch(/too late for this Match|for the 2027 Match/);
    const r = await api(
      linkRequest("POST", links.action("usmle_step3", "schedule"), "date=2027-06-01", "text/html"),
    );
    expect(r.body).toContain(
      "Tue 1 Jun 2027 is after Fri 19 Mar 2027 (our advice), the day this plan needed it by, which has passed. Keep your seat",
    );
    expect(r.body).toContain("your plan will show what it means for your start");
    expect(r.body).not.toMatch(/too late to count|for this Match/);
  });
});
