import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { doneMilestones, REGISTERED_KEYS } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * Chiamaka Obi, Lagos, J-1, 2027 Match, reported her rank order list certified on Sun 10 Jan 2027,
 * before ranking opened (ROL_BEFORE_RANKING_OPENS: "certify it again now … and tell us the day you
 * certified it"). The list's Done, on the timeline and in every email, answered "already recorded …
 * Nothing was changed", so she could never tell us, and on the deadline heard she could not match.
 * The refused list is no answer on the action page either: from ranking's opening Done records it.
 */
const NOW = new Date("2027-01-20T10:00:00Z");
const profile = profileFactory({ fullName: "Chiamaka Obi", timezone: "Africa/Lagos", visa: "J-1" });
// Registered for the Match (REGISTERED_KEYS), the certificate issued.
const milestones: MilestoneEntry[] = [
  ...doneMilestones(REGISTERED_KEYS, "2026-09-01"),
  { key: "ecfmg_certification", status: "done", date: "2026-10-20" },
  { key: "rank_order_list", status: "done", date: "2027-01-10" },
];

describe("Done on a rank list the plan refused as certified before ranking opened", () => {
  it("is offered, and records the day she certified it again", async () => {
    const store = new InMemoryApplicantStore();
    store.add(profile, { milestones });
    const api = applicantPagesApi(store, { clock: new FixedClock(NOW) });
    const links = linksSignedAt(NOW);
    const page = await api(linkRequest("GET", links.action("rank_order_list", "done")));
    expect(page.body).not.toContain("already recorded");
    expect(page.body).toContain("<form");
    const posted = await api(linkRequest("POST", links.action("rank_order_list", "done"), ""));
    expect(posted.body).toMatch(/<h1>Recorded/);
    const stored = (await store.loadApplicant("a_ada"))?.milestones.find(
      (entry) => entry.key === "rank_order_list",
    );
    expect(stored).toEqual({ key: "rank_order_list", status: "done", date: "2027-01-20" });
  });
});
