import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An interviewing applicant who never
 * reported NRMP registration (nrmpRegistrationAsked) is asked about it, and meanwhile the rank order
 * list, SOAP and Match Week are planned and reminded as for a registered applicant (registration
 * still not presumed done: its card keeps asking). The rank list's card says the condition, the
 * NRMP follow-ups are titled as the question, and EXAMS_LATE_FOR_RANKING asks too. A reported
 * not_started keeps today's blocked, assertive plan.
 *
 * Wanjiru, in Nairobi: every step to ERAS done, one interview on Mon 14 Dec 2026.
 */
const calendar = seasonCalendar(2027);
const NOW = new Date("2026-12-22T07:00:00Z");
const BEFORE_NRMP = REGISTERED_KEYS.filter((key) => key !== "nrmp_registration");
const ASKED_TITLE = "Registered with NRMP? If not, register in R3 now";

function wanjiru(nrmp: MilestoneEntry[], extra: MilestoneEntry[] = [], keys = BEFORE_NRMP): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Nairobi", matchYear: 2027, graduation: "2024-06-30" }),
      milestones: [...doneMilestones(keys, "2026-09-15"), ...nrmp, ...extra],
      interviews: [interviewFactory({ id: "iv-nairobi", startsAt: "2026-12-14T10:00:00-05:00" })],
    }),
    calendar,
    NOW,
  );
}

const asked = () => wanjiru([]);
const toldNotStarted = () => wanjiru([milestoneFactory("nrmp_registration", "not_started")]);
const registered = () => wanjiru([milestoneFactory("nrmp_registration", "done", "2026-09-20")]);
const blockedKeys = (result: Plan) => result.blocked.map((step) => step.milestone);
const rungs = (result: Plan, key: string) =>
  result.reminders
    .filter((each) => each.milestone === key)
    .map((each) => ({ rung: each.rung, sendAt: each.sendAt, title: each.title }));

describe("NRMP registration asked, interviewing: the rank order list is not blocked", () => {
  it("plans the rank order list and SOAP as for a registered applicant; NRMP still asked", () => {
    const result = asked();
    expect(blockedKeys(result)).not.toContain("rank_order_list");
    expect(blockedKeys(result)).not.toContain("soap");
    expect(result.blocked.find((step) => step.milestone === "match_week")?.waitingFor).toEqual([
      "rank_order_list",
    ]);
    const steps = result.nextSteps.map((step) => step.milestone);
    expect(steps).toContain("rank_order_list");
    expect(steps).toContain("soap");
    // Not presumed done: its card keeps asking.
    expect(result.nextSteps.find((step) => step.milestone === "nrmp_registration")?.action).toMatch(
      /^If you have not registered with NRMP yet/,
    );
  });

  it("reminds the rank order list and SOAP exactly as for a registered applicant, under their own titles", () => {
    const result = asked();
    const done = registered();
    expect(rungs(result, "rank_order_list")).toEqual(rungs(done, "rank_order_list"));
    expect(rungs(result, "soap")).toEqual(rungs(done, "soap"));
    expect(rungs(result, "rank_order_list").map((each) => each.rung)).toContain("ranking-opens");
    // The ranking-opens rung names the opening; every other rung, the list's certification.
    const titled = rungs(result, "rank_order_list").map((each) => [
      each.rung === "ranking-opens",
      each.title,
    ]);
    expect(new Set(titled.map(([opens, title]) => `${opens} ${title}`))).toEqual(
      new Set(["true Ranking should now be open in R3", "false Certify your rank order list"]),
    );
  });

  it("the rank order list's card opens with the condition", () => {
    const action = asked().nextSteps.find((step) => step.milestone === "rank_order_list")?.action ?? "";
    expect(action).toMatch(/^If you registered with NRMP, enter your list in R3 once ranking opens \(/);
    expect(action).toMatch(
      /and certify it by Thu 25 Feb 2027, 5:00 AM GMT\+3 \(Wed 24 Feb 2027, 9:00 PM ET\) \(projected\); /,
    );
    expect(action).toContain("if you have not registered yet, register first (see NRMP registration)");
  });

  it("the NRMP follow-ups are titled as the question", () => {
    const titles = rungs(asked(), "nrmp_registration")
      .filter((each) => each.rung !== "critical-risk")
      .map((each) => each.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set([ASKED_TITLE]));
  });

  it("a reported not_started keeps today's plan: blocked, assertive", () => {
    const result = toldNotStarted();
    expect(result.blocked.find((step) => step.milestone === "rank_order_list")?.waitingFor).toEqual([
      "nrmp_registration",
    ]);
    expect(result.blocked.find((step) => step.milestone === "soap")?.waitingFor).toEqual([
      "nrmp_registration",
    ]);
    expect(rungs(result, "rank_order_list")).toEqual([]);
    const titles = rungs(result, "nrmp_registration")
      .filter((each) => each.rung !== "critical-risk")
      .map((each) => each.title);
    expect(new Set(titles)).toEqual(new Set(["Register for the NRMP Main Residency Match"]));
  });

  it("EXAMS_LATE_FOR_RANKING asks rather than tells; a reported not_started is told", () => {
    const keys = BEFORE_NRMP.filter((key) => key !== "usmle_step2ck");
    const step2 = [milestoneFactory("usmle_step2ck", "not_started")];
    const message = (nrmp: MilestoneEntry[]) =>
      wanjiru(nrmp, step2, keys).risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING")?.message ?? "";
    expect(message([])).toContain(
      "it stays your target, tight as it is: if you have not registered with NRMP yet, do it now.",
    );
    expect(message([])).not.toContain("register with NRMP now");
    expect(message([milestoneFactory("nrmp_registration", "not_started")])).toContain(
      "tight as it is: register with NRMP now.",
    );
  });
});
