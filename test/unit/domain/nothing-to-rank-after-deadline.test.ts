import { describe, expect, it } from "vitest";
import { SOAP_CHANCE_RUNNING_TITLE, SOAP_CHANCE_TITLE } from "#domain/match-outcome-question.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview, MilestoneKey } from "#domain/snapshot.ts";
import { escalationsSince } from "#usecases/escalation.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// Registered with NRMP, the ERAS application begun and never submitted, no interview recorded:
// there was nothing to rank. Past the rank order list deadline the Match itself is over for her
// this season: no "certify your list" step overdue, no critical SEASON_OVER (so no advisor
// escalation about a list) and no "check R3 and act if it still lets you" for a later deadline,
// only SOAP, which is her chance this season and needs her ERAS application, and the next Match.
// Neighbours keep today's behaviour: the day before the deadline (the list waits for the
// application), an interview recorded, an ERAS application submitted.
// Here: Meera, Kolkata, J-1, escalation consented; the projected 2027 deadline is Wed 24 Feb,
// 9:00 PM ET (Thu 25 Feb, 7:30 AM in Kolkata).

const calendar = seasonCalendar(2027);
const WITHOUT_ERAS: readonly MilestoneKey[] = REGISTERED_KEYS.filter((key) => key !== "eras_application");
const DAY_BEFORE = new Date("2027-02-24T03:30:00Z");
const DAY_AFTER = new Date("2027-02-25T03:30:00Z");
const CHECK_R3 = "check R3 and act if it still lets you";

function planFor(now: Date, options: { erasSubmitted?: boolean; interviews?: Interview[] } = {}): Plan {
  const applicant = applicantFactory({
    fullName: "Meera Iyer",
    matchYear: 2027,
    timezone: "Asia/Kolkata",
    visa: "J-1",
    advisorEmail: "helen.advisor@matchpath.example",
    escalateToAdvisor: true,
  });
  const keys = options.erasSubmitted === true ? REGISTERED_KEYS : WITHOUT_ERAS;
  const milestones = doneMilestones(keys, "2026-09-01");
  if (options.erasSubmitted !== true) milestones.push(milestoneFactory("eras_application", "in_progress"));
  return plan(inputFactory({ applicant, milestones, interviews: options.interviews ?? [] }), calendar, now);
}
const seasonOver = (result: Plan) => result.risks.find((risk) => risk.code === "SEASON_OVER");
const rankListEverywhere = (result: Plan) => [
  ...result.nextSteps.filter((step) => step.milestone === "rank_order_list"),
  ...result.overdue.filter((step) => step.milestone === "rank_order_list"),
  ...result.blocked.filter((step) => step.milestone === "rank_order_list"),
];
const interview = interviewFactory({ program: "Lakeside IM", startsAt: "2026-12-02T09:00:00-05:00" });

describe("nothing to rank, past the rank order list deadline", () => {
  it("speaks of SOAP and the next Match only: no list step, no critical, no check R3, no escalation", () => {
    const result = planFor(DAY_AFTER);
    expect(rankListEverywhere(result)).toEqual([]);
    const risk = seasonOver(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).not.toContain(CHECK_R3);
    expect(risk?.message).toContain("SOAP in Match Week");
    expect(risk?.message).toContain("SOAP applications go through ERAS");
    expect(risk?.message).toContain("2028 Match");
    expect(result.risks.filter((each) => each.severity === "critical")).toEqual([]);
    expect(result.reminders.filter((each) => each.milestone === "rank_order_list")).toEqual([]);
    expect(escalationsSince({ criticalCodes: [], overdue: [] }, result)).toEqual([]);
  });

  it("the day before the deadline, the list still waits for the ERAS application", () => {
    const result = planFor(DAY_BEFORE);
    expect(result.blocked.find((step) => step.milestone === "rank_order_list")?.waitingFor).toEqual([
      "eras_application",
    ]);
    expect(seasonOver(result)).toBeUndefined();
  });

  it("with an interview recorded, the list is asked about (critical), and R3 may still take one", () => {
    const result = planFor(DAY_AFTER, { interviews: [interview] });
    const asked = result.risks.find((risk) => risk.code === "RANK_LIST_UNREPORTED");
    expect(asked?.severity).toBe("critical");
    expect(asked?.message).toContain(CHECK_R3);
  });

  it("with the ERAS application submitted, the list missed is critical and R3 may still take one", () => {
    const result = planFor(DAY_AFTER, { erasSubmitted: true });
    expect(seasonOver(result)?.severity).toBe("critical");
    expect(seasonOver(result)?.message).toContain(CHECK_R3);
    expect(seasonOver(result)?.message).not.toContain("SOAP applications go through ERAS");
  });
});

describe("SOAP for one who cannot match", () => {
  const soap = (result: Plan) => result.nextSteps.find((step) => step.milestone === "soap");

  it("is her chance this season, and asks for the ERAS application first", () => {
    const step = soap(planFor(new Date("2027-03-01T03:30:00Z")));
    expect(step?.title).toBe(SOAP_CHANCE_TITLE);
    expect(step?.action).toMatch(
      /^SOAP applications go through ERAS and we have no ERAS application on record for you: certify and submit your MyERAS application before Monday of Match Week/,
    );
  });

  it("from Match Week's Monday, keeps that title, dated by SOAP's end, the application due now", () => {
    const step = soap(planFor(new Date("2027-03-16T03:30:00Z")));
    expect(step?.title).toBe(SOAP_CHANCE_RUNNING_TITLE);
    expect(step?.action).toContain("certify and submit your MyERAS application now");
  });

  it("with the ERAS application in, no certified list: the same title, no ERAS sentence", () => {
    const step = soap(planFor(new Date("2027-03-01T03:30:00Z"), { erasSubmitted: true }));
    expect(step?.title).toBe(SOAP_CHANCE_TITLE);
    expect(step?.action).not.toContain("SOAP applications go through ERAS");
  });

  it("before ranking opens, with ERAS still due, is not yet her only chance: no 'cannot match' words", () => {
    for (const now of ["2026-09-22T06:00:00Z", "2026-10-15T06:00:00Z", "2027-01-14T06:00:00Z"]) {
      const step = soap(planFor(new Date(now)));
      expect(step?.title ?? "SOAP, if you do not match", now).toBe("SOAP, if you do not match");
      expect(step?.action ?? "", now).not.toContain("cannot match in the Main Match");
      expect(step?.action ?? "", now).not.toContain("SOAP applications go through ERAS");
    }
  });

  it("from ranking's opening, with nothing to rank, is her chance this season", () => {
    const opened = new Date(calendar.dates.nrmp_rank_order_list_entry_opens.at + 60 * 60 * 1000);
    expect(soap(planFor(opened))?.title).toBe(SOAP_CHANCE_TITLE);
  });

  it("keeps 'if you do not match' for one with a certified list", () => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata" }),
        milestones: [
          ...doneMilestones(REGISTERED_KEYS, "2026-09-01"),
          milestoneFactory("rank_order_list", "done", "2027-02-10"),
        ],
        interviews: [interview],
      }),
      calendar,
      new Date("2027-03-01T03:30:00Z"),
    );
    expect(soap(result)?.title).toBe("SOAP, if you do not match");
  });
});
