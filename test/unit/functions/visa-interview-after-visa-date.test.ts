import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";
import { MATCHED_2027 } from "./matched-2027.ts";

/**
 * A matched J-1 applicant in Manila gives a consular interview day after the visa's date (Wed 16 Jun
 * 2027, our advice: two weeks before residency for the trip and orientation). The form called that
 * date "the last day to complete it for the 2027 Match", and the Recorded page said "a result from
 * that day comes too late to count for this Match": an exam's words. She has matched; a late
 * interview does not undo the Match, and the visa's date is our advice, not a last day. The pages
 * say what the plan says: the day this plan wanted the visa by, to ask for an earlier appointment,
 * and that the plan shows what it means for her start.
 */
const now = new Date("2027-06-13T01:00:00Z");

const MATCHED_J1: MilestoneEntry[] = [
  ...MATCHED_2027,
  { key: "contract", status: "done", date: "2027-04-01" },
  { key: "j1_statement_of_need", status: "done", date: "2027-04-10" },
  { key: "j1_ecfmg_sponsorship", status: "done", date: "2027-04-12" },
  { key: "j1_ds2019", status: "done", date: "2027-05-14" },
];

function setup(visa: MilestoneEntry[] = []) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ timezone: "Asia/Manila", graduation: "2025-06-30" }), {
    milestones: [...MATCHED_J1, ...visa],
  });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  return { store, links, call };
}

describe("Scheduled for… a J-1 visa interview after the visa's date", () => {
  it("the form names the day this plan wants the visa by, as our advice, not a last day for the Match", async () => {
    const { links, call } = setup();
    const page = await call("GET", links.action("visa_j1", "schedule"));
    expect(page.body).toContain("This plan wants your visa by <strong>Wed 16 Jun 2027</strong> (our advice");
    expect(page.body).not.toMatch(/last day|too late for this Match|for the 2027 Match/);
  });

  it("the Recorded page asks for an earlier appointment and points to the plan, never that the Match is lost", async () => {
    const { links, call, store } = setup();
    const response = await call("POST", links.action("visa_j1", "schedule"), "date=2027-06-24");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(response.body).toContain("You told us your J-1 visa interview is on Thu 24 Jun 2027.");
    expect(response.body).toContain(
      "Thu 24 Jun 2027 is after Wed 16 Jun 2027 (our advice), the day this plan wanted your visa by.",
    );
    expect(response.body).toContain("ask the consulate for an earlier appointment");
    expect(response.body).toContain("your plan will show what it means for your start");
    expect(response.body).not.toMatch(/too late to count|for this Match|last day/);
    expect(
      (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "visa_j1"),
    ).toMatchObject({ status: "scheduled", date: "2027-06-24" });
  });

  it("the control: an interview before the visa's date gets no such words", async () => {
    const { links, call } = setup();
    const response = await call("POST", links.action("visa_j1", "schedule"), "date=2027-06-15");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(response.body).not.toContain("the day this plan wanted your visa by");
  });

  // A booked interview is the visa step's one date in the plan: a new day is still measured against
  // the visa's date, not against the day already booked.
  it("with an interview booked after the visa's date, the form for a new day names the visa's date", async () => {
    const { links, call } = setup([{ key: "visa_j1", status: "scheduled", date: "2027-06-24" }]);
    const page = await call("GET", links.action("visa_j1", "schedule"));
    expect(page.body).toContain("Now recorded: scheduled for <strong>Thu 24 Jun 2027</strong>");
    expect(page.body).toContain("This plan wants your visa by <strong>Wed 16 Jun 2027</strong> (our advice");
  });
});
