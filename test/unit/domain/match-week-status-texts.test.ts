import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Every step around Match Week and Match Day says what fits the day and
 * the applicant's status; no step prepares for a SOAP the applicant cannot take part in, and no
 * two steps ask the same question.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const load = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(name, SCENARIO_DIR), "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const soapSteps = (result: Plan) => result.nextSteps.filter((step) => step.milestone === "soap");
const soapReminders = (result: Plan) => result.reminders.filter((r) => r.milestone === "soap");

describe("a Match that is over for the applicant (no certified rank list) keeps SOAP while it is open to them", () => {
  // Registered with NRMP, no certified list. The plan once dropped SOAP here ("that Match has passed for
  // you"), but NRMP needs no rank order list for SOAP (an applicant may register for SOAP only) and
  // such an applicant is unmatched on Monday of Match Week: told the Match had passed, they could
  // skip the SOAP that might have placed them.
  const seasonOver = load("season-over-2026.json");

  it.each([
    ["after the rank list deadline, before Match Week", "2026-03-01T12:00:00Z", "Get ready for it now"],
    ["on Tuesday of Match Week", "2026-03-17T12:00:00Z", "It is running now"],
  ])("%s: a SOAP step with reminders, and SEASON_OVER says SOAP is still open", (_when, now, words) => {
    const result = planAt(seasonOver, now);
    const risk = result.risks.find((candidate) => candidate.code === "SEASON_OVER");
    expect(risk?.message).toContain("you cannot match in that Match itself");
    expect(risk?.message).toContain("SOAP needs no rank order list");
    expect(risk?.message).toContain(words);
    expect(risk?.message).not.toContain("that Match has passed for you");
    expect(risk?.sources).toContain("https://www.nrmp.org/residency-applicants/soap/");
    expect(soapSteps(result)).toHaveLength(1);
    expect(soapReminders(result).length).toBeGreaterThan(0);
  });

  it("once SOAP has ended: no SOAP step or reminder; Match Day asks what SOAP gave them, and past the contract's day the next Match is planned", () => {
    // SOAP never answered: they may have taken part and missed our emails, so it is asked first.
    const asked = planAt(seasonOver, "2026-03-20T12:00:00Z");
    expect(asked.risks.find((candidate) => candidate.code === "SEASON_OVER")?.message).toContain(
      "You did not tell us whether you took part in SOAP",
    );
    expect(asked.nextSteps.find((step) => step.milestone === "match_day")).toBeDefined();
    // Past the contract's day unanswered: the next Match planned, SOAP_OUTCOME_UNREPORTED says why.
    const result = planAt(seasonOver, "2026-04-04T12:00:00Z");
    const risk = result.risks.find((candidate) => candidate.code === "SOAP_OUTCOME_UNREPORTED");
    expect(risk?.message).toContain("this plan now plans the 2027 Match");
    expect(soapSteps(result)).toEqual([]);
    expect(soapReminders(result)).toEqual([]);
  });

  it("an applicant who never registered with NRMP has no SOAP to take part in: the plan moves to the next Match", () => {
    const unregistered: ApplicantSnapshot = {
      ...seasonOver,
      milestones: seasonOver.milestones.filter((milestone) => milestone.key !== "nrmp_registration"),
    };
    // Late registration closed with the confirmed 2026 deadline: neither that Match nor its SOAP is open.
    const result = planAt(unregistered, "2026-03-01T12:00:00Z");
    expect(result.risks.find((candidate) => candidate.code === "SEASON_OVER")).toBeUndefined();
    const closed = result.risks.find((candidate) => candidate.code === "NRMP_REGISTRATION_CLOSED");
    expect(closed?.message).toContain("nor in its SOAP, which needs NRMP registration too");
    expect(closed?.message).toContain("this plan now plans the 2027 Match");
    expect(soapSteps(result)).toEqual([]);
    expect(soapReminders(result)).toEqual([]);
  });

  it("the overdue rank list says what next, SOAP first while it is open, not 'certify it once ranking opens'", () => {
    const rolAt = (now: string) =>
      planAt(seasonOver, now).nextSteps.find((step) => step.milestone === "rank_order_list");
    const before = rolAt("2026-03-01T12:00:00Z");
    expect(before?.urgency).toBe("overdue");
    expect(before?.action).not.toContain("once ranking opens");
    expect(before?.action).toContain("SOAP in Match Week is still open to you");
    expect(before?.action).toContain("change your target Match year to 2027");
    // SOAP over and never answered: what it gave them is asked up to the contract's day (Thu 2 Apr 2026).
    const asked = rolAt("2026-03-20T12:00:00Z");
    expect(asked?.action).toContain("you did not tell us whether you took part: if you accepted an offer");
    // Past the contract's day the plan is the 2027 Match's: its own list, due by its own deadline.
    const after = rolAt("2026-04-04T12:00:00Z");
    expect(after).toBeUndefined();
  });
});

describe("Match Week for an applicant with a certified list who has not reported Monday's result", () => {
  const certified = load("rank-list-certified-2027.json");
  const TUESDAY = "2027-03-16T12:00:00Z";

  it("SOAP's reminders and reason no longer say to get ready before Monday", () => {
    const result = planAt(certified, TUESDAY);
    const [soap] = soapSteps(result);
    expect(soap?.why).not.toContain("before Monday");
    expect(soapReminders(result).length).toBeGreaterThan(0);
    for (const reminder of soapReminders(result)) expect(reminder.why).not.toContain("before Monday");
  });

  it("asks 'did you match?' once, on Match Week: SOAP says how to take part, not how to report a match", () => {
    const result = planAt(certified, TUESDAY);
    const week = result.nextSteps.find((step) => step.milestone === "match_week");
    const [soap] = soapSteps(result);
    expect(week?.action).toContain("tap Matched, or Not matched: I'm in SOAP");
    expect(soap?.action).toContain("List of Unfilled Programs");
    expect(soap?.action).not.toContain("If you matched");
    // SOAP's own answers (else a matched applicant taps Done, "I did SOAP");
    // done is an accepted SOAP offer, Not for me is "not matched, not taking part", and a
    // matched applicant is sent to Match Week.
    // Taking part is the "Not matched: I'm in SOAP" button the card names; no "in progress" button here.
    expect(soap?.action).toContain("Mark SOAP done when you accept a SOAP offer.");
    expect(soap?.action).not.toContain("still taking part: in progress");
    expect(soap?.action).toContain(
      "Not taking part in SOAP: tap Not for me; if you matched, tap Matched on Match Week instead.",
    );
  });
});

describe("from Match Day's release, one step asks for the result", () => {
  const certified = load("rank-list-certified-2027.json");

  it.each([
    ["on Match Day after the release", "2027-03-19T18:00:00Z"],
    ["a week later", "2027-03-25T12:00:00Z"],
  ])("%s: Match Day asks where they matched; Match Week no longer asks the same", (_when, now) => {
    const result = planAt(certified, now);
    expect(result.nextSteps.find((step) => step.milestone === "match_day")?.title).toBe(
      "Match Day: tell us where you matched",
    );
    expect(result.nextSteps.some((step) => step.milestone === "match_week")).toBe(false);
    expect(result.reminders.some((r) => r.milestone === "match_week")).toBe(false);
  });

  it("Match Week is moot once Match Day is reported", () => {
    const reported = ApplicantSnapshotSchema.parse({
      ...certified,
      milestones: [...certified.milestones, { key: "match_day", status: "done", date: "2027-03-19" }],
    });
    // After Match Day's release (12:00 PM ET): a Match Day dated its release's day counts only from then.
    const result = planAt(reported, "2027-03-19T18:00:00Z");
    expect(result.nextSteps.some((step) => step.milestone === "match_week")).toBe(false);
  });
});
