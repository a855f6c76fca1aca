import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stageOf } from "#domain/console/stage.ts";
import { matchYearHeading } from "#domain/match-year-heading.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * After the Match, on the reported applicants (copied
 * to test/fixtures/match-outcomes), at the reported instants:
 * 1. SOAP "done" from Match Week on is an accepted SOAP position, binding as a match: Match Day counts
 *    as done from it, the contract and the visa steps run at once, dated as for a matched applicant.
 * 2. SOAP "Not for me" with a certified list and Match Week not done: not matched, not in SOAP; the
 *    plan moves to the next Match now, with a warning naming the answer and how to undo it.
 * 3. After the season, never heard whether they matched: one message, carried by Match Day.
 */
const FIXTURES = new URL("../../fixtures/match-outcomes/", import.meta.url);
const snapshot = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")));
const planAt = (input: ApplicantSnapshot, now: string): Plan =>
  plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);
const rungsOf = (result: Plan, key: string) =>
  result.reminders.filter((each) => each.milestone === key).map((each) => each.rung);

describe("SOAP done is an accepted SOAP position (Sita, Kathmandu)", () => {
  const sita = snapshot("unmatched-then-soap-position-kathmandu.json");

  it("on 22 Mar: the contract and Statement of Need run at once; no SOAP-offer question", () => {
    const result = planAt(sita, "2027-03-22T08:00:00+05:45");
    expect(step(result, "match_day")).toBeUndefined();
    expect(result.blocked.map((each) => each.milestone)).not.toContain("contract");
    expect(result.blocked.map((each) => each.milestone)).not.toContain("j1_statement_of_need");
    const contract = step(result, "contract");
    // As for a matched applicant: Match Day + 14 days (office days), Fri 2 Apr 2027, ending at
    // Kathmandu's midnight, before ET's: its target; due by the J-1 sponsorship's day waiting on it.
    expect(contract?.target?.at).toBe("2027-04-02T18:15:00.000Z");
    expect(contract?.deadline?.local).toBe("Mon 5 Apr 2027");
    expect(contract?.action).toContain("from your accepted SOAP position");
    expect(step(result, "j1_statement_of_need")).toBeDefined();
    expect(rungsOf(result, "contract").length).toBeGreaterThan(0);
    // Its first rung goes out at once: the 14-day rung, counted from Mon 5 Apr (the day the due date
    // closes, not the midnight after it), shares the start-by rung's slot, which it replaces.
    const need = result.reminders.filter((each) => each.milestone === "j1_statement_of_need");
    expect(need[0]?.sendAtLocal.slice(0, 10)).toBe("2027-03-22");
    expect(rungsOf(result, "match_day")).toEqual([]);
    expect(result.reminders.some((each) => each.title.includes("SOAP offer you accepted"))).toBe(false);
    expect(codes(result)).not.toContain("SOAP_OUTCOME_UNREPORTED");
    expect(codes(result)).not.toContain("MATCH_DAY_NOT_REPORTED");
    expect(matchYearHeading(result)).toBe("2027 Match");
  });

  it("in April and July: never moved, never 'the 2027 Match is over'; the console stage is the visa", () => {
    for (const now of ["2027-04-05T09:00:00+05:45", "2027-07-08T09:00:00+05:45"]) {
      const result = planAt(sita, now);
      expect(codes(result), now).not.toContain("SOAP_OUTCOME_UNREPORTED");
      expect(codes(result), now).not.toContain("MATCH_DAY_NOT_REPORTED");
      expect(matchYearHeading(result), now).toBe("2027 Match");
      expect(step(result, "match_day"), now).toBeUndefined();
      expect(JSON.stringify(result), now).not.toContain("Match is over");
      expect(stageOf(result), now).toBe("visa");
    }
  });

  it("Match Day reported later with its program only confirms: the same steps and dates", () => {
    const now = "2027-03-25T09:00:00+05:45";
    const confirmed: ApplicantSnapshot = {
      ...sita,
      milestones: [...sita.milestones, { key: "match_day", status: "done", date: "2027-03-20" }],
    };
    const [before, after] = [planAt(sita, now), planAt(confirmed, now)];
    const dated = (result: Plan) =>
      [...result.nextSteps, ...result.blocked].map((each) => `${each.milestone}|${each.deadline?.at}`);
    expect(dated(after)).toEqual(dated(before));
    expect(step(after, "contract")?.action).not.toContain("from your accepted SOAP position");
  });

  it("still taking part (SOAP in progress) is not a position: Match Day asks for the SOAP offer", () => {
    const inProgress: ApplicantSnapshot = {
      ...sita,
      milestones: sita.milestones.map((each) =>
        each.key === "soap" ? { ...each, status: "in_progress" as const } : each,
      ),
    };
    const result = planAt(inProgress, "2027-03-22T08:00:00+05:45");
    expect(step(result, "match_day")?.title).toBe("Match Day: tell us whether you accepted a SOAP offer");
    expect(result.blocked.map((each) => each.milestone)).toContain("contract");
  });
});

describe("SOAP Not for me, Match Week not done: not matched, not in SOAP (Anil, Kathmandu)", () => {
  const anil = snapshot("unmatched-skips-soap-waived-kathmandu.json");

  it.each(["2027-03-22T09:00:00+05:45", "2027-05-01T09:00:00+05:45"])(
    "at %s: the plan moves to 2028 now, with the warning that names the answer and the undo",
    (now) => {
      const result = planAt(anil, now);
      expect(matchYearHeading(result)).toBe(
        "2027 Match (not matched, not in SOAP: planned for the 2028 Match)",
      );
      const risk = result.risks.find((each) => each.code === "UNMATCHED_NOT_IN_SOAP");
      expect(risk?.severity).toBe("warning");
      expect(risk?.earliestFeasibleMatchYear).toBe(2028);
      expect(risk?.message).toContain('You marked SOAP "Not for me" in Match Week');
      expect(risk?.message).toContain("If you did match, mark Match Week done");
      expect(codes(result)).not.toContain("MATCH_DAY_NOT_REPORTED");
      expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(step(result, "match_day")).toBeUndefined();
      expect(rungsOf(result, "match_day")).toEqual([]);
      expect(result.reminders.some((each) => each.rung === "match-day-weekly")).toBe(false);
      // The 2028 season's steps, planned from today.
      for (const key of ["eras_token", "lors", "nrmp_registration"])
        expect(step(result, key), `${now} ${key}`).toBeDefined();
      expect(step(result, "nrmp_registration")?.deadline?.at.startsWith("2027-12-01")).toBe(true);
    },
  );

  it("in June the plan names the 2028 MyERAS opening (Wed 2 Jun 2027) and carries its steps", () => {
    const result = planAt(anil, "2027-06-10T09:00:00+05:45");
    const risk = result.risks.find((each) => each.code === "UNMATCHED_NOT_IN_SOAP");
    expect(risk?.message).toContain("MyERAS opened on Wed 2 Jun 2027");
    expect(step(result, "eras_token")).toBeDefined();
    expect(result.reminders.some((each) => each.milestone === "lors")).toBe(true);
  });

  it("Match Week marked done (matched) makes Not for me moot: the 2027 contract, no move", () => {
    const matched: ApplicantSnapshot = {
      ...anil,
      milestones: [...anil.milestones, { key: "match_week", status: "done", date: "2027-03-15" }],
    };
    const result = planAt(matched, "2027-03-22T09:00:00+05:45");
    expect(codes(result)).not.toContain("UNMATCHED_NOT_IN_SOAP");
    expect(matchYearHeading(result)).toBe("2027 Match");
    expect(step(result, "match_day")).toBeDefined();
  });

  it("Not for me dated before Match Week's Monday is no answer: nothing moves", () => {
    const early: ApplicantSnapshot = {
      ...anil,
      milestones: anil.milestones.map((each) =>
        each.key === "soap" ? { ...each, date: "2027-03-01" } : each,
      ),
    };
    const result = planAt(early, "2027-03-22T09:00:00+05:45");
    expect(codes(result)).not.toContain("UNMATCHED_NOT_IN_SOAP");
  });
});

describe("never heard whether they matched, one message (Chinedu, Lagos)", () => {
  const chinedu = snapshot("late-arrival-lagos-nrmp-early-deadline-day.json");

  it("on 8 Jul: Match Day carries 'we never heard whether you matched'; no SEASON_OVER, nothing on NRMP registration", () => {
    const result = planAt(chinedu, "2027-07-08T10:00:00+01:00");
    expect(codes(result)).not.toContain("SEASON_OVER");
    expect(JSON.stringify(result)).not.toContain("without a certified list");
    expect(step(result, "nrmp_registration")).toBeUndefined();
    expect(result.overdue.map((each) => each.milestone)).not.toContain("nrmp_registration");
    expect(result.reminders.filter((each) => each.milestone === "nrmp_registration")).toEqual([]);
    const matchDay = step(result, "match_day");
    expect(matchDay?.title).toBe("We never heard whether you matched in the 2027 Match");
    expect(matchDay?.action).toContain("If you did (in the Match or in SOAP), mark Match Day done;");
    expect(matchDay?.action).toContain("If you did not match, your plan moves to the 2028 Match");
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    expect(risk?.message.startsWith("We never heard whether you matched in the 2027 Match")).toBe(true);
    // One message: the rank list's question is in it.
    expect(codes(result)).not.toContain("RANK_LIST_UNREPORTED");
    expect(rungsOf(result, "match_day")).toContain("match-over");
  });

  it("the certified-list applicant who never answered gets the same words", () => {
    const sita = snapshot("unmatched-then-soap-position-kathmandu.json");
    const silent: ApplicantSnapshot = {
      ...sita,
      milestones: sita.milestones.filter((each) => each.key !== "soap"),
    };
    const result = planAt(silent, "2027-07-08T09:00:00+05:45");
    expect(step(result, "match_day")?.title).toBe("We never heard whether you matched in the 2027 Match");
  });

  it("an applicant who did report no certified list is told 'without a certified list', and the plan has moved on", () => {
    // Registered with NRMP, no list, SOAP's outcome never told past the contract's day.
    const registeredNoList: ApplicantSnapshot = {
      ...chinedu,
      milestones: [
        ...chinedu.milestones,
        { key: "nrmp_registration", status: "done" },
        { key: "rank_order_list", status: "not_started" },
      ],
    };
    const registered = planAt(registeredNoList, "2027-07-08T10:00:00+01:00");
    expect(registered.risks.find((each) => each.code === "SOAP_OUTCOME_UNREPORTED")?.message).toContain(
      "without a certified list",
    );
    // NRMP never told, the list reported not certified: late registration closed long ago.
    const noList: ApplicantSnapshot = {
      ...chinedu,
      milestones: [...chinedu.milestones, { key: "rank_order_list", status: "not_started" }],
    };
    const result = planAt(noList, "2027-07-08T10:00:00+01:00");
    expect(codes(result)).not.toContain("SEASON_OVER");
    expect(result.risks.find((each) => each.code === "NRMP_REGISTRATION_CLOSED")?.message).toContain(
      "You never told us you registered with NRMP for the 2027 Match",
    );
  });
});
