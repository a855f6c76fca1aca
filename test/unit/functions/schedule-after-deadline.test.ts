import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * "Scheduled for…" on Step 2 CK with a day after its deadline (and after
 * the rank order list deadline) answered a plain "Recorded … Your plan and your next emails will
 * reflect it", with no word that the day is too late for this Match. The form says which day is
 * the last for this Match; the result page says plainly when the date given is after it.
 */
const now = new Date("2026-06-01T09:00:00Z");

function setup(timezone = "Africa/Lagos") {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027, timezone }), {
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-01-10" },
      { key: "ecfmg_application", status: "done", date: "2026-02-10" },
      { key: "usmle_step1", status: "done", date: "2026-04-10" },
    ],
  });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  return { store, links, call };
}

describe("Scheduled for… a day after the step's deadline", () => {
  it("the form names the last day for this Match", async () => {
    const { links, call } = setup();
    const page = await call("GET", links.action("usmle_step2ck", "schedule"));
    expect(page.body).toMatch(
      /The last day to sit it for the 2027 Match is <strong>Wed 27 Jan 2027<\/strong>/,
    );
  });

  // The last sitting day is a whole day in the applicant's calendar, overdue from the start of the
  // next: west of ET that next day's start is already 28 Jan in ET too, and the form named it.
  for (const zone of ["America/Los_Angeles", "America/New_York", "Asia/Kolkata"]) {
    it(`${zone}: the form names the plan's own last day, not the day after it`, async () => {
      const { links, call } = setup(zone);
      const page = await call("GET", links.action("usmle_step2ck", "schedule"));
      expect(page.body).toMatch(
        /The last day to sit it for the 2027 Match is <strong>Wed 27 Jan 2027<\/strong> \(its deadline: Wed 27 Jan 2027\)/,
      );
    });
  }

  it("the result page says plainly the date is after that day, and what it means", async () => {
    const { links, call, store } = setup();
    const response = await call("POST", links.action("usmle_step2ck", "schedule"), "date=2027-03-01");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(response.body).toContain(
      "Mon 1 Mar 2027 is after Wed 27 Jan 2027, the last day to sit it for the 2027 Match",
    );
    expect(response.body).toContain("Change the date");
    expect(
      (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "usmle_step2ck"),
    ).toMatchObject({
      status: "scheduled",
      date: "2027-03-01",
    });
  });

  it("the control: a date in time gets no such words", async () => {
    const { links, call } = setup();
    const response = await call("POST", links.action("usmle_step2ck", "schedule"), "date=2026-11-20");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(response.body).not.toContain("the last day to sit it");
  });
});
