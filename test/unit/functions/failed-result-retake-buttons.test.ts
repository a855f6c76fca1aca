import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * A failed attempt reported `done` with its score, as the intake contract allows: Bilal Qureshi,
 * Karachi, 2027 Match, Step 2 CK done on 5 Oct 2026 with 210 (below 218). His email asks him to plan
 * the retake and carries Done and Scheduled for… for it, but both pages answered "This is already
 * recorded: you told us you passed USMLE Step 2 CK", and the retake's day could not be given. The
 * buttons read the step as the plan does: a retake.
 */
const NOW = new Date("2026-12-08T04:00:00Z");
const profile = profileFactory({ fullName: "Bilal Qureshi", timezone: "Asia/Karachi", visa: "J-1" });
const milestones: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2024-01-10" },
  { key: "ecfmg_application", status: "done", date: "2024-02-01" },
  { key: "usmle_step1", status: "done", date: "2025-05-20" },
  { key: "usmle_step2ck", status: "done", date: "2026-10-05", score: 210 },
];

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profile, { milestones });
  const api = applicantPagesApi(store, { clock: new FixedClock(NOW) });
  const links = linksSignedAt(NOW);
  const stored = async () =>
    (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "usmle_step2ck");
  return { api, links, stored };
}

describe("Done and Scheduled for… on a retake after a failed result reported done", () => {
  it("Scheduled for… records the retake's day and keeps the failed attempt's score", async () => {
    const { api, links, stored } = setup();
    const page = await api(linkRequest("GET", links.action("usmle_step2ck", "schedule")));
    expect(page.body).not.toContain("you passed");
    expect(page.body).toContain("<form");
    const posted = await api(
      linkRequest("POST", links.action("usmle_step2ck", "schedule"), "date=2027-01-12"),
    );
    expect(posted.body).toMatch(/<h1>Recorded/);
    expect(await stored()).toEqual({
      key: "usmle_step2ck",
      status: "scheduled",
      date: "2027-01-12",
      score: 210,
    });
  });

  it("Done is no “already recorded: you passed”, and records a pass without the failing score", async () => {
    const { api, links, stored } = setup();
    const page = await api(linkRequest("GET", links.action("usmle_step2ck", "done")));
    expect(page.body).not.toContain("already recorded");
    const posted = await api(linkRequest("POST", links.action("usmle_step2ck", "done"), ""));
    expect(posted.body).toMatch(/<h1>Recorded/);
    expect(await stored()).toEqual({ key: "usmle_step2ck", status: "done", date: "2026-12-08" });
  });
});
