import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

// Chicago, matched, Step 3 not booked, a week after Match Day.
const now = new Date("2027-03-25T09:00:00Z");
const MATCHED_H1B: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2025-01-10" },
  { key: "ecfmg_application", status: "done", date: "2025-02-01" },
  { key: "usmle_step1", status: "done", date: "2025-08-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-03-01", score: 245 },
  { key: "oet_medicine", status: "done", date: "2026-01-20" },
  { key: "ecfmg_pathway", status: "done", date: "2026-04-01" },
  { key: "ecfmg_certification", status: "done", date: "2026-06-01" },
  { key: "usce", status: "done", date: "2026-05-01" },
  { key: "lors", status: "done", date: "2026-08-20" },
  { key: "personal_statement", status: "done", date: "2026-08-25" },
  { key: "cv", status: "done", date: "2026-08-25" },
  { key: "program_list", status: "done", date: "2026-08-30" },
  { key: "eras_token", status: "done", date: "2026-06-20" },
  { key: "eras_application", status: "done", date: "2026-09-05" },
  { key: "budget", status: "done", date: "2026-05-01" },
  { key: "nrmp_registration", status: "done", date: "2026-09-20" },
  { key: "rank_order_list", status: "done", date: "2027-02-20" },
  { key: "research", status: "waived" },
  { key: "match_week", status: "done", date: "2027-03-15" },
  { key: "match_day", status: "done", date: "2027-03-19" },
];
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
