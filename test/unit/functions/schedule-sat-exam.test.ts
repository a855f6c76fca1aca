import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * "Scheduled for…" on an exam whose booked day has passed with its result not told: the
 * plan gives such an OET the day its result is due (the Pathway's documents deadline, Tue 26 Jan
 * 2027, projected), and the form called that "the last day to sit it", then recorded 20 Jan without
 * a word; the plan's own last sitting day is Tue 5 Jan (the result takes three weeks, advice).
 * Olena (Kyiv, Pathway submitted, OET sat on 28 Nov 2026) is our own applicant.
 */
const now = new Date("2026-12-26T08:00:00Z");

function setup(pathway: "in_progress" | "done" = "in_progress") {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027, timezone: "Europe/Kyiv" }), {
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2024-09-01" },
      { key: "ecfmg_application", status: "done", date: "2024-10-01" },
      { key: "usmle_step1", status: "done", date: "2025-05-01" },
      { key: "usmle_step2ck", status: "done", date: "2026-06-10", score: 236 },
      { key: "oet_medicine", status: "scheduled", date: "2026-11-28" },
      { key: "ecfmg_pathway", status: pathway, date: "2026-10-15" },
      { key: "eras_token", status: "done", date: "2026-06-20" },
      { key: "eras_application", status: "done", date: "2026-09-10" },
      { key: "nrmp_registration", status: "done", date: "2026-10-01" },
    ],
  });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  return { links, call };
}

describe("Scheduled for… an exam sat with its result not told", () => {
  it("the form names the last day to sit it, not the day its result is due", async () => {
    const { links, call } = setup();
    const page = await call("GET", links.action("oet_medicine", "schedule"));
    expect(page.body).toMatch(
      /The last day to sit it for the 2027 Match is <strong>Tue 5 Jan 2027<\/strong>/,
    );
    expect(page.body).not.toContain("Tue 26 Jan 2027");
  });

  it("a new day after it is recorded with the too-late note", async () => {
    const { links, call } = setup();
    const response = await call("POST", links.action("oet_medicine", "schedule"), "date=2027-01-20");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(response.body).toContain(
      "Wed 20 Jan 2027 is after Tue 5 Jan 2027, the last day to sit it for the 2027 Match",
    );
  });

  it("a Pathway reported done before the sitting: the same last day and note (the OET stays planned)", async () => {
    const { links, call } = setup("done");
    const page = await call("GET", links.action("oet_medicine", "schedule"));
    expect(page.body).toMatch(
      /The last day to sit it for the 2027 Match is <strong>Tue 5 Jan 2027<\/strong>/,
    );
    const response = await call("POST", links.action("oet_medicine", "schedule"), "date=2027-01-20");
    expect(response.body).toContain(
      "Wed 20 Jan 2027 is after Tue 5 Jan 2027, the last day to sit it for the 2027 Match",
    );
  });
});
