import { describe, expect, it } from "vitest";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { doneMilestones, REGISTERED_KEYS } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * Tuesday's email of Match Week carries SOAP's "Not for me" beside "Not matched: I'm in SOAP".
 * Hadiza Musa, Cairo, J-1, 2027 Match, answered "in SOAP" and, on Wednesday, accepted a SOAP
 * offer from her timeline: binding under NRMP's agreement. A tap on the old email's "Not for me"
 * afterwards recorded "not taking part in SOAP" over the accepted offer, and her plan moved to the
 * 2028 Match with no contract and no J-1 steps for the position starting 1 July. A Not for me on a
 * done step answers "already recorded" and changes nothing, as a second Done does.
 */
const calendar = seasonCalendar(2027);
// Wednesday of Match Week, 6:00 PM in Cairo (after SOAP's first offer round).
const WEDNESDAY = new Date(
  calendar.dates.nrmp_match_week_start_and_soap_start.at + 2 * 86_400_000 + 6 * 3_600_000,
);
const profile = profileFactory({ fullName: "Hadiza Musa", timezone: "Africa/Cairo", visa: "J-1" });
// Registered for the Match (REGISTERED_KEYS), the certificate issued.
const milestones: MilestoneEntry[] = [
  ...doneMilestones(REGISTERED_KEYS, "2026-09-01"),
  { key: "ecfmg_certification", status: "done", date: "2026-10-20" },
  { key: "research", status: "done", date: "2026-05-01" },
  { key: "rank_order_list", status: "done", date: "2027-02-12" },
  { key: "soap", status: "done", date: "2027-03-17" },
];

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profile, { milestones });
  const api = applicantPagesApi(store, { clock: new FixedClock(WEDNESDAY) });
  // Links signed on Tuesday, as the old email's were.
  const links = linksSignedAt(new Date(WEDNESDAY.getTime() - 86_400_000));
  const stored = async (key: string) =>
    (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === key);
  return { api, links, stored };
}

describe("a Not for me from an older email on a step already done", () => {
  it("SOAP's, after an accepted offer, answers already recorded and keeps the offer", async () => {
    const { api, links, stored } = setup();
    const page = await api(linkRequest("GET", links.action("soap", "waive")));
    expect(page.body).toContain("This is already recorded: you accepted a SOAP offer. Nothing was changed.");
    expect(page.body).not.toContain("<form");
    const posted = await api(linkRequest("POST", links.action("soap", "waive"), ""));
    expect(posted.body).toContain(
      "This is already recorded: you accepted a SOAP offer. Nothing was changed.",
    );
    expect(await stored("soap")).toEqual({ key: "soap", status: "done", date: "2027-03-17" });
    const timeline = await api(linkRequest("GET", links.timeline));
    expect(timeline.body).toContain("2027 Match");
    expect(timeline.body).not.toContain("2028 Match timeline");
  });

  it("any other step's keeps its Done", async () => {
    const { api, links, stored } = setup();
    const posted = await api(linkRequest("POST", links.action("research", "waive"), ""));
    expect(posted.body).toContain("This is already recorded:");
    expect(posted.body).toContain("Nothing was changed.");
    expect(await stored("research")).toEqual({ key: "research", status: "done", date: "2026-05-01" });
  });
});
