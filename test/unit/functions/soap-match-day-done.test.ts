import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * An applicant who told us "Not matched: I'm in SOAP" gets a Match Day email asking whether she
 * accepted a SOAP offer ("If you accepted one, mark Match Day done"), but its Done asked "Mark
 * “Match Day: learn where you matched” as done?" and recorded "R3 shows you where you matched", a
 * Main Match result she told us she did not get. The page asks and records the accepted offer.
 */
const now = new Date("2027-03-19T16:00:00Z");

function setup(answers: MilestoneEntry[]) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027, timezone: "America/Chicago" }), {
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-01-10" },
      { key: "ecfmg_application", status: "done", date: "2026-02-10" },
      { key: "usmle_step1", status: "done", date: "2026-04-10" },
      { key: "usmle_step2ck", status: "done", date: "2026-08-10" },
      { key: "ecfmg_certification", status: "done", date: "2026-09-01" },
      { key: "nrmp_registration", status: "done", date: "2026-09-20" },
      { key: "rank_order_list", status: "done", date: "2027-02-20" },
      ...answers,
    ],
  });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  return { call, link: linksSignedAt(now).action("match_day", "done") };
}

describe("Match Day's Done for an applicant in SOAP", () => {
  it("asks whether she accepted a SOAP offer and records that answer", async () => {
    const { call, link } = setup([{ key: "soap", status: "in_progress", date: "2027-03-15" }]);
    const page = await call("GET", link);
    expect(page.body).toContain("<h1>Did you accept a SOAP offer in R3?</h1>");
    expect(page.body).toContain("Yes, I accepted a SOAP offer");
    expect(page.body).not.toContain("learn where you matched");
    const result = await call("POST", link, "");
    expect(result.body).toMatch(/<h1>Recorded/);
    expect(result.body).toContain("You accepted a SOAP offer: your plan now follows that position.");
    expect(result.body).not.toContain("where you matched");
    const again = await call("GET", link);
    expect(again.body).toContain("This is already recorded: you accepted a SOAP offer.");
  });

  it("the control: one who told us she matched is asked about where she matched", async () => {
    const { call, link } = setup([{ key: "match_week", status: "done", date: "2027-03-15" }]);
    const page = await call("GET", link);
    expect(page.body).toContain("Mark “Match Day: learn where you matched” as done?");
    expect(page.body).not.toContain("SOAP offer");
  });
});
