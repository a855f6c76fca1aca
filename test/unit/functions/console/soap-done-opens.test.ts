import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { firstSoapOfferRound } from "#domain/planner/soap-done-before-offers.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { readSnapshot } from "#test/unit/domain/fixture-snapshots.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "../applicant-pages.ts";

/**
 * SOAP's Done records an accepted SOAP offer, which NRMP makes only from SOAP's first offer round
 * (planned Wednesday of Match Week, 9:00 AM ET, our advice). Before it, the console offers no
 * "Mark SOAP: offer accepted" and the action page no "Yes, I accepted a SOAP offer": both say when
 * the round is, and a POST is refused (problem+json naming the field), as for NRMP registration.
 */
const DIR = fileURLToPath(new URL("../../../fixtures/soap-done-before-offers/", import.meta.url));
const fixture = readSnapshot(DIR, "soap-done-monday-accra-2027.json");
// In Match Week, SOAP not answered yet.
const milestones = fixture.milestones.filter((entry) => entry.key !== "soap");
const ROUND = firstSoapOfferRound(seasonCalendar(2027));
const TUESDAY = new Date("2027-03-16T15:00:00Z");
const AFTER = new Date(ROUND + 3_600_000);

function consoleHtml(now: Date): string {
  const state = {
    profile: profileFactory({ timezone: "Africa/Accra", matchYear: 2027, fullName: "Kofi Asante" }),
    milestones,
    interviews: [],
    ledger: [],
  };
  const view: ApplicantView = {
    state,
    plan: domainPlanning.plan(state, now),
    audit: [],
    submissions: [],
    events: [],
  };
  return applicantFragment(view, now.toISOString().slice(0, 10));
}

function actionApi(now: Date) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027, timezone: "Africa/Accra", visa: "J-1" }), { milestones });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  return { store, url: links.action("soap", "done"), api };
}

describe("SOAP's Done before the first offer round", () => {
  it("the console: no Mark SOAP button on Tuesday, the round's hour instead; the button after it", () => {
    const before = consoleHtml(TUESDAY);
    expect(before).not.toContain('milestones/soap"');
    expect(before).toContain(
      "Not yet: SOAP&#39;s first offer round for the 2027 Match is Wed 17 Mar 2027, 1:00 PM GMT (Wed 17 Mar 2027, 9:00 AM ET) (our advice)",
    );
    const after = consoleHtml(AFTER);
    expect(after).toContain('milestones/soap"');
    expect(after).toContain('<button type="submit">Mark SOAP: offer accepted</button>');
  });

  it("the action page: no button on Tuesday, the round's hour instead; a POST is refused, naming the field", async () => {
    const { store, url, api } = actionApi(TUESDAY);
    const page = await api(linkRequest("GET", url, undefined, "text/html"));
    expect(page.body).toContain("first offer round for the 2027 Match is Wed 17 Mar 2027, 1:00 PM GMT");
    expect(page.body).not.toContain("<form");
    expect(page.body).not.toContain("Yes, I accepted a SOAP offer");
    const response = await api(linkRequest("POST", url, "", "application/problem+json"));
    expect(response.statusCode).toBe(400);
    const problem = JSON.parse(response.body ?? "{}");
    expect(problem.errors).toEqual([
      {
        path: "action",
        message: expect.stringContaining("an accepted SOAP offer cannot be dated before it"),
      },
    ]);
    expect((await store.loadApplicant("a_ada"))?.milestones.some((entry) => entry.key === "soap")).toBe(
      false,
    );
  });

  it("the control: after the round the action page offers the button and a POST records it", async () => {
    const { store, url, api } = actionApi(AFTER);
    const page = await api(linkRequest("GET", url, undefined, "text/html"));
    expect(page.body).toContain("Yes, I accepted a SOAP offer");
    await api(linkRequest("POST", url, "", "text/html"));
    expect(
      (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "soap")?.status,
    ).toBe("done");
  });
});
