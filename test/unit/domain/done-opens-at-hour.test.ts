import { describe, expect, it } from "vitest";
import { actionsFor, doneOpensFor, doneOpensText } from "#domain/applicant-choices.ts";
import { markDoneProblems, whatIfDoneProblems } from "#domain/console/mark-done.ts";
import { firstSoapOfferRound } from "#domain/planner/soap-done-before-offers.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { readSnapshot } from "#test/unit/domain/fixture-snapshots.ts";

/**
 * SOAP's Done is an accepted SOAP offer, and a Match outcome (Match Week: whether you matched;
 * Match Day: where) is what NRMP told the applicant: neither can be true before NRMP's hour. Done is
 * offered, and counted, only from then: SOAP's first offer round as the planner plans it
 * (firstSoapOfferRound, our advice: Wednesday of Match Week, 9:00 AM ET), and Match Week's
 * notification (the season calendar's Monday, 10:00 AM ET). doneOpensFor is the one rule the
 * console, the action page and the email's Done button read.
 */
const calendar = seasonCalendar(2027);
const ZONE = "Africa/Accra";
const ROUND = firstSoapOfferRound(calendar);
const NOTIFIED = calendar.dates.nrmp_match_week_start_and_soap_start.at;

describe("doneOpensFor: windows that open at an hour", () => {
  it("plans the instants from the data: Wed 17 Mar 2027 9:00 AM ET, Mon 15 Mar 2027 10:00 AM ET", () => {
    expect(new Date(ROUND).toISOString()).toBe("2027-03-17T13:00:00.000Z");
    expect(new Date(NOTIFIED).toISOString()).toBe("2027-03-15T14:00:00.000Z");
  });

  it("SOAP: refused before the first offer round, to the minute; open from it", () => {
    const monday = doneOpensFor("soap", calendar, "2027-03-15", ZONE, NOTIFIED + 3_600_000);
    expect(monday?.date).toBe("2027-03-17");
    expect(monday?.status).toBe("projected");
    expect(monday?.source).toMatch(/^advice: SOAP's first offer round planned on the Wednesday/);
    expect(monday && doneOpensText(monday, 2027)).toBe(
      "SOAP's first offer round for the 2027 Match is Wed 17 Mar 2027, 1:00 PM GMT (Wed 17 Mar 2027, 9:00 AM ET) (our advice): an accepted SOAP offer cannot be dated before it. Mark SOAP done once you accept a SOAP offer in R3.",
    );
    expect(doneOpensFor("soap", calendar, "2027-03-17", ZONE, ROUND - 60_000)?.date).toBe("2027-03-17");
    expect(doneOpensFor("soap", calendar, "2027-03-17", ZONE, ROUND)).toBeUndefined();
  });

  it("SOAP: a date reported (no instant) counts from the round's day in the applicant's zone", () => {
    expect(doneOpensFor("soap", calendar, "2027-03-16", ZONE)?.what).toBe(
      "SOAP's first offer round for the 2027 Match",
    );
    expect(doneOpensFor("soap", calendar, "2027-03-17", ZONE)).toBeUndefined();
  });

  it.each(["match_week"] as const)("%s: refused before Match Week's notification", (key) => {
    const before = doneOpensFor(key, calendar, "2027-03-15", ZONE, NOTIFIED - 60_000);
    expect(before?.what).toBe("NRMP's Match Week notification (whether you matched) for the 2027 Match");
    expect(before?.source).toBe(calendar.dates.nrmp_match_week_start_and_soap_start.source);
    expect(before && doneOpensText(before, 2027)).toContain(
      "is Mon 15 Mar 2027, 2:00 PM GMT (Mon 15 Mar 2027, 10:00 AM ET) (projected",
    );
    expect(doneOpensFor(key, calendar, "2027-03-12", ZONE)?.date).toBe("2027-03-15");
    expect(doneOpensFor(key, calendar, "2027-03-15", ZONE, NOTIFIED)).toBeUndefined();
  });

  it("match_day (where you matched): refused before Match Day's release, Monday's notification included", () => {
    const release = calendar.dates.nrmp_match_day.at;
    expect(new Date(release).toISOString()).toBe("2027-03-19T16:00:00.000Z");
    const monday = doneOpensFor("match_day", calendar, "2027-03-15", ZONE, NOTIFIED + 3_600_000);
    expect(monday?.what).toBe("NRMP's Match Day release (where you matched) for the 2027 Match");
    expect(monday?.source).toBe(calendar.dates.nrmp_match_day.source);
    expect(monday && doneOpensText(monday, 2027)).toContain(
      "is Fri 19 Mar 2027, 4:00 PM GMT (Fri 19 Mar 2027, 12:00 PM ET) (projected",
    );
    expect(doneOpensFor("match_day", calendar, "2027-03-16", ZONE)?.date).toBe("2027-03-19");
    expect(doneOpensFor("match_day", calendar, "2027-03-19", ZONE, release - 60_000)?.date).toBe(
      "2027-03-19",
    );
    expect(doneOpensFor("match_day", calendar, "2027-03-19", ZONE, release)).toBeUndefined();
    expect(doneOpensFor("match_day", calendar, "2027-03-19", ZONE)).toBeUndefined();
  });

  it("the control: the day windows are unchanged by a zone and an instant", () => {
    const registration = doneOpensFor("nrmp_registration", seasonCalendar(2028), "2027-05-12", ZONE, 0);
    expect(registration?.at).toBeUndefined();
    expect(registration && doneOpensText(registration, 2028)).toContain(
      "NRMP registration for the 2028 Match opens on Wed 15 Sep 2027",
    );
  });
});

describe("Mark done and a what-if refuse a SOAP offer or a Match outcome before NRMP's hour", () => {
  const fixture = readSnapshot(
    new URL("../../fixtures/soap-done-before-offers/", import.meta.url).pathname,
    "soap-done-monday-accra-2027.json",
  );
  const input = { ...fixture, milestones: fixture.milestones.filter((entry) => entry.key !== "soap") };
  const tuesday = new Date("2027-03-16T15:00:00Z");
  const plan = planFor(input, calendar, tuesday);

  it("SOAP dated Tuesday, or today before the round: refused at `date`, saying when the round is", () => {
    const [problem] = markDoneProblems(input, plan, "soap", "2027-03-16", tuesday);
    expect(problem?.path).toBe("date");
    expect(problem?.message).toContain(
      "Not yet: SOAP's first offer round for the 2027 Match is Wed 17 Mar 2027, 1:00 PM GMT (Wed 17 Mar 2027, 9:00 AM ET) (our advice)",
    );
    const wednesdayEarly = new Date(ROUND - 3_600_000);
    const early = planFor(input, calendar, wednesdayEarly);
    expect(markDoneProblems(input, early, "soap", "2027-03-17", wednesdayEarly)[0]?.path).toBe("date");
    const whatIf = whatIfDoneProblems(
      input,
      [{ kind: "milestone", key: "soap", status: "done", date: "2027-03-16" }],
      tuesday,
    );
    expect(whatIf.map((problem) => problem.path)).toEqual(["0.date"]);
  });

  it("Match Day dated Tuesday is refused, and Tuesday's emails and timeline offer no Done on it", () => {
    const [problem] = markDoneProblems(input, plan, "match_day", "2027-03-16", tuesday);
    expect(problem?.path).toBe("date");
    expect(problem?.message).toContain("NRMP's Match Day release (where you matched) for the 2027 Match");
    expect(actionsFor({ milestone: "match_day" }, plan, ZONE, input.milestones)).not.toContain("done");
    expect(actionsFor({ milestone: "match_week" }, plan, ZONE, input.milestones)).toContain("done");
    const friday = new Date(calendar.dates.nrmp_match_day.at);
    expect(
      actionsFor({ milestone: "match_day" }, planFor(input, calendar, friday), ZONE, input.milestones),
    ).toContain("done");
  });

  it("the control: after the round, SOAP dated Wednesday is accepted", () => {
    const after = new Date(ROUND + 60_000);
    expect(markDoneProblems(input, planFor(input, calendar, after), "soap", "2027-03-17", after)).toEqual([]);
  });
});
