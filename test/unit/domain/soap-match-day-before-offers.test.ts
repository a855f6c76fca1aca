import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { firstSoapOfferRound } from "#domain/planner/soap-done-before-offers.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A SOAP participant's Match Day card ("tell us the SOAP offer you accepted") read "urgent" on Monday
 * of Match Week, two days before any SOAP offer can exist. Before the first offer round it is "soon";
 * from the round on, urgent. Nimali: Colombo, J-1, list certified, SOAP in progress from Monday
 * (test/fixtures/match-week-offers-and-release/).
 */
const FILE = new URL(
  "../../fixtures/match-week-offers-and-release/soap-participant-colombo.json",
  import.meta.url,
);
const nimali = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const calendar = seasonCalendar(2027);
const round = firstSoapOfferRound(calendar);

function matchDayCard(now: number) {
  const planned = plan(nimali, calendar, new Date(now));
  return { planned, card: planned.nextSteps.find((step) => step.milestone === "match_day") };
}

describe("a SOAP participant's Match Day card around the first offer round", () => {
  it("reads the SOAP offer question (the case under test)", () => {
    const { card } = matchDayCard(round - 3_600_000);
    expect(card?.title).toBe("Match Day: tell us once you accept a SOAP offer");
  });

  it.each([
    ["Monday evening", calendar.dates.nrmp_match_week_start_and_soap_start.at + 6 * 3_600_000],
    ["an hour before the round", round - 3_600_000],
  ])("is soon, not urgent, %s", (_, now) => {
    expect(matchDayCard(now).card?.urgency).toBe("soon");
  });

  it("is urgent from the round on", () => {
    expect(matchDayCard(round + 60_000).card?.urgency).toBe("urgent");
  });

  it("is dated by the contract's date (advice), and SOAP urgent beside it", () => {
    const { planned, card } = matchDayCard(round - 3_600_000);
    const contract = planned.blocked.find((step) => step.milestone === "contract");
    expect(card?.deadline?.at).toBe(contract?.deadline?.at);
    expect(Date.parse(card?.dueBy ?? "")).toBeGreaterThan(calendar.dates.nrmp_match_day.at);
    expect(planned.nextSteps.find((step) => step.milestone === "soap")?.urgency).toBe("urgent");
  });
});
