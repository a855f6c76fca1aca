import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

// Chicago, entered for the 2027 Match with nothing past the ECFMG application on 20 Nov 2026: that
// Match is out of reach and the plan is dated for 2028. Step 1 booked after its (2028) target.
const now = new Date("2026-11-20T09:00:00Z");

/**
 * A plan moved to a later Match dates its exams for that Match, so "Scheduled for…" measures the day
 * against that Match's ranking: measured against the entered Match, Step 1 read as a day after 2027's
 * ranking and the page said "your plan will show what it means for your start" to an applicant who
 * has not entered any Match yet.
 */
describe("Scheduled for… on a plan moved to a later Match", () => {
  it("speaks of the Match the plan is dated for, never of a residency start", async () => {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory({ timezone: "America/Chicago", visa: "J-1" }), {
      milestones: [
        { key: "wdoms_listing", status: "done", date: "2025-01-10" },
        { key: "ecfmg_application", status: "done", date: "2025-02-01" },
      ],
    });
    const api = applicantPagesApi(store, { clock: new FixedClock(now) });
    const links = linksSignedAt(now);
    const form = String(
      (await api(linkRequest("GET", links.action("usmle_step1", "schedule"), undefined, "text/html"))).body,
    );
    expect(form).not.toContain("what it means for your start");
    expect(form).not.toContain("2027 Match");
    expect(form).toContain("for the 2028 Match");
  });
});
