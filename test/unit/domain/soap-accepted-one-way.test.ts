import { describe, expect, it } from "vitest";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { milestoneFactory, rankListCertified2027 } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * A SOAP participant accepts an offer one way: SOAP's "I accepted a SOAP offer" (SOAP done counts
 * Match Day done). On Monday evening of Match Week the SOAP card and the Match Day card say the
 * same; neither asks for a program the Done page does not record. Kofi Mensah, Accra, 2027 Match,
 * list certified, "Not matched: I'm in SOAP" tapped.
 */
const calendar = seasonCalendar(2027);
const profile = profileFactory({ fullName: "Kofi Mensah", matchYear: 2027, timezone: "Africa/Accra" });
const milestones = [...rankListCertified2027(), milestoneFactory("soap", "in_progress")];

describe("accepting a SOAP offer, said once", () => {
  it("Match Day's card points to SOAP's Done, as SOAP's card does", () => {
    const now = new Date(calendar.dates.nrmp_match_week_start_and_soap_start.at + 8 * 3_600_000);
    const plan = domainPlanning.plan({ profile, milestones, interviews: [], ledger: [] }, now);
    const soap = plan.nextSteps.find((step) => step.milestone === "soap");
    const matchDay = plan.nextSteps.find((step) => step.milestone === "match_day");
    expect(soap?.action).toContain("mark SOAP done");
    expect(matchDay?.action).toContain(
      "Once you have accepted one, mark SOAP done (“I accepted a SOAP offer”)",
    );
    expect(JSON.stringify(plan)).not.toContain("done with that program");
  });
});
