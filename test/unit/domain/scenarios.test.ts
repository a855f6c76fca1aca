import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { futureDoneProblems } from "#domain/done-date.ts";
import type { Plan, RiskCode } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { type CliIo, runPlanCli } from "../../../shared/cli/plan.ts";
import { FINDING_SCENARIOS } from "./finding-scenarios.ts";
import { REAPPLICANT_SCENARIOS } from "./reapplicant-scenarios.ts";
import { VISA_FINDING_SCENARIOS } from "./visa-finding-scenarios.ts";

const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);

function loadScenario(name: string): ApplicantSnapshot {
  return ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL(`${name}.json`, SCENARIO_DIR), "utf8")),
  );
}

const codes = (result: Plan): RiskCode[] => result.risks.map((risk) => risk.code);
const nextKeys = (result: Plan): string[] => result.nextSteps.map((step) => step.milestone);
const blockedKeys = (result: Plan): string[] => result.blocked.map((step) => step.milestone);

interface Scenario {
  name: string;
  now: string;
  assess(result: Plan, snapshot: ApplicantSnapshot): void;
}

const scenarios: Scenario[] = [
  {
    name: "j1-graduate-early-2027",
    now: "2026-04-15T06:00:00Z",
    assess(result) {
      expect(result.seasonStatus).toBe("projected");
      expect(codes(result)).toEqual([]);
      expect(nextKeys(result)).toEqual(
        expect.arrayContaining(["eras_token", "usmle_step2ck", "ecfmg_pathway"]),
      );
      expect(blockedKeys(result)).toContain("visa_j1");
      // Issue #9: the plan used to stop at the rank list; the J-1 track now runs through Match Week,
      // Match Day, the contract, ECFMG sponsorship and the DS-2019 before the visa itself.
      expect(result.blocked.find((step) => step.milestone === "visa_j1")?.waitingFor).toEqual(["j1_ds2019"]);
      expect(result.blocked.find((step) => step.milestone === "match_week")?.waitingFor).toEqual([
        "rank_order_list",
      ]);
      expect(nextKeys(result)).not.toContain("research");
      // Owed only once the Match places them with a program: listed apart, in no total.
      expect(result.budget.toVerify?.map((item) => item.key)).toEqual(
        expect.arrayContaining(["j1_sponsorship", "j1_sevis_i901", "j1_visa_mrv"]),
      );
      // The applicant's exam date sits beside the authority-derived deadline, never in its place.
      const step2 = result.nextSteps.find((step) => step.milestone === "usmle_step2ck");
      expect(step2?.ownDate?.status).toBe("applicant");
      expect(step2?.deadline?.status).toBe("projected");
    },
  },
  {
    name: "h1b-graduate-step3-scheduled",
    now: "2025-10-20T12:00:00Z",
    assess(result) {
      expect(codes(result)).not.toContain("STEP3_NEEDED_FOR_H1B");
      expect(codes(result)).not.toContain("NRMP_LATE_FEE"); // early deadline 30 Nov is more than 14 days away
      const step3 = result.nextSteps.find((step) => step.milestone === "usmle_step3");
      expect(step3?.ownDate?.status).toBe("applicant");
      expect(step3?.ownDate?.local).toBe("Mon 1 Dec 2025, 12:00 AM GMT+1");
      expect(step3?.deadline?.status).toBe("advice");
      expect(result.nextSteps.filter((step) => step.milestone === "interview")).toHaveLength(2);
      expect(result.nextSteps.find((step) => step.milestone === "interview")?.action).toContain(
        "at the program",
      );
      // 60 programs over 2 specialties: 30 each, all in the $11 tier
      expect(result.budget.items.find((item) => item.key === "eras_programs")?.amountUsd).toBe(660);
      expect(result.budget.items.find((item) => item.key === "usmle_step3_exam")?.status).toBe("spent");
    },
  },
  {
    name: "h1b-student-late-graduation",
    now: "2025-09-10T04:00:00Z",
    assess(result) {
      expect(codes(result)).toEqual(
        expect.arrayContaining(["CERTIFICATION_AFTER_START", "STEP3_NEEDED_FOR_H1B"]),
      );
      expect(result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B")?.severity).toBe("critical");
      expect(blockedKeys(result)).toEqual(expect.arrayContaining(["usmle_step3", "visa_h1b"]));
      expect(result.budget.toVerify?.find((item) => item.key === "h1b_petition_employer")?.amountUsd).toBe(0);
    },
  },
  {
    name: "no-sponsor-note",
    now: "2025-03-01T10:00:00Z",
    assess(result) {
      expect(codes(result)[0]).toBe("SCHOOL_NOT_ECFMG_ELIGIBLE");
      expect(blockedKeys(result)).toEqual(
        expect.arrayContaining(["ecfmg_application", "usmle_step1", "eras_application"]),
      );
      expect(result.nextSteps[0]?.milestone).toBe("wdoms_listing");
      expect(result.reminders.every((reminder) => !blockedKeys(result).includes(reminder.milestone))).toBe(
        true,
      );
    },
  },
  {
    name: "everything-done-j1",
    now: "2026-06-01T10:00:00Z",
    assess(result) {
      expect(result.nextSteps).toEqual([]);
      expect(result.blocked).toEqual([]);
      expect(result.overdue).toEqual([]);
      // Nothing to remind but the certificate's validity check, emailed once matched: when it appears and
      // 14 days before residency's start, the J-1 sponsorship being done. "When it appears"
      // is the next delivery slot, the next morning: a catch-up, no late arrival.
      expect(
        result.reminders.map((reminder) => [reminder.risk, reminder.rung, reminder.sendAt.slice(0, 10)]),
      ).toEqual([
        ["PATHWAY_CERTIFICATE_MAY_EXPIRE", "warning-notice", "2026-06-02"],
        ["PATHWAY_CERTIFICATE_MAY_EXPIRE", "warning-notice", "2026-06-17"],
      ]);
      // Matched with a certificate through a 2025 Pathway: its validity date against the 1 Jul
      // start is the one thing left to check, until that start.
      expect(codes(result)).toEqual(["PATHWAY_CERTIFICATE_MAY_EXPIRE"]);
      expect(result.risks[0]?.severity).toBe("warning");
      expect(result.budget.upcomingUsd).toBe(0);
      // The J-1 sponsorship, never reported, is presumed paid from the visa that needed it (its $370).
      expect(result.budget.presumedUsd).toBe(370);
      expect(result.budget.spentUsd + 370).toBe(result.budget.totalUsd);
      // 160 + 985 + 165 + (30×11 + 70×30) + 80 + 70 + 370 + 220 + 185: each fee at the figure in
      // force on its step's day (Step 1 sat in August 2024: ECFMG's $985), and Step 2 CK, sat in
      // March 2025 when no figure is known, listed to verify with no amount.
      expect(result.budget.totalUsd).toBe(4665);
      expect(result.budget.toVerify?.map((item) => item.label)).toContain(
        "USMLE Step 2 CK exam fee (amount not found)",
      );
    },
  },
  {
    name: "nrmp-late-fee-december",
    now: "2025-12-10T12:00:00Z",
    assess(result) {
      expect(codes(result)).toContain("NRMP_LATE_FEE");
      expect(result.budget.items.find((item) => item.key === "nrmp_late_fee")?.status).toBe("upcoming");
      // Late registration is open until the rank order list deadline: the
      // step is due by it, first among the next steps and urgent, not overdue.
      expect(result.overdue.map((step) => step.milestone)).not.toContain("nrmp_registration");
      expect(result.nextSteps[0]?.milestone).toBe("nrmp_registration");
      expect(result.nextSteps[0]?.urgency).toBe("urgent");
    },
  },
  {
    name: "exams-late-for-ranking",
    // Before the Pathway's projected application deadline (27 Dec 2025): from 10 Jan 2026, when this
    // was once planned, a Pathway not yet submitted puts the 2026 Match out of reach.
    now: "2025-12-20T00:00:00Z",
    assess(result) {
      const risk = result.risks.find((candidate) => candidate.code === "EXAMS_LATE_FOR_RANKING");
      expect(risk?.severity).toBe("critical");
      expect(risk?.milestones).toEqual(expect.arrayContaining(["usmle_step2ck", "ecfmg_pathway"]));
    },
  },
  {
    name: "season-over-2026",
    now: "2026-03-02T15:00:00Z",
    assess(result) {
      expect(codes(result)).toContain("SEASON_OVER");
      expect(result.overdue.map((step) => step.milestone)).toContain("rank_order_list");
      expect(nextKeys(result)).not.toContain("visa_j1");
      expect(result.reminders.filter((reminder) => reminder.milestone === "rank_order_list")).toEqual([]);
    },
  },
  {
    name: "eras-late-submission",
    now: "2025-10-05T08:00:00Z",
    assess(result) {
      expect(result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION")?.severity).toBe("critical");
      expect(nextKeys(result)).toContain("eras_application");
    },
  },
  {
    name: "us-citizen-img-phoenix",
    now: "2026-05-20T18:00:00Z",
    assess(result) {
      expect([...nextKeys(result), ...blockedKeys(result)]).not.toEqual(expect.arrayContaining(["visa_j1"]));
      for (const key of ["visa_j1", "visa_h1b", "usmle_step3"]) {
        expect([...nextKeys(result), ...blockedKeys(result)]).not.toContain(key);
      }
      for (const reminder of result.reminders) expect(reminder.sendAtLocal).toMatch(/T08:00:00\.000-07:00$/);
      expect(result.budget.items.find((item) => item.key === "eras_programs")?.amountUsd).toBe(
        330 + 120 * 30,
      );
    },
  },
  {
    name: "interviews-new-york-dst",
    now: "2025-10-15T12:00:00Z",
    assess(result, snapshot) {
      const interviewSteps = result.nextSteps.filter((step) => step.milestone === "interview");
      expect(interviewSteps).toHaveLength(snapshot.interviews.length);
      expect(interviewSteps.map((step) => step.interviewId)).toContain("op-iv-1");
      expect(new Set(interviewSteps.map((step) => step.interviewId)).size).toBe(10);
      expect(interviewSteps[0]?.action).toMatch(/EDT your time \(.* CDT at the program\)|your time/);
      // Every rung at the 09:00 delivery time, across the DST change; ranking's opening notice too,
      // the morning after it opens (12:00 PM in New York), never at 09:00 before it opens.
      for (const reminder of result.reminders) expect(reminder.sendAtLocal.slice(11, 16)).toBe("09:00");
      const opening = result.reminders.find((reminder) => reminder.rung === "ranking-opens");
      expect(opening?.sendAtLocal.slice(0, 10)).toBe("2026-01-16");
      const offsets = new Set(result.reminders.map((reminder) => reminder.sendAtLocal.slice(-6)));
      expect(offsets).toEqual(new Set(["-04:00", "-05:00"]));
      expect(result.reminders.some((reminder) => reminder.rung === "interview-thank-you")).toBe(true);
    },
  },
  {
    name: "sponsor-note-unchecked-student-2028",
    now: "2026-11-24T09:00:00Z",
    assess(result) {
      expect(result.matchYear).toBe(2028);
      expect(result.seasonStatus).toBe("projected");
      expect(nextKeys(result)).toContain("wdoms_listing");
      expect(blockedKeys(result)).toContain("ecfmg_application");
      expect(result.blocked.find((step) => step.milestone === "ecfmg_application")?.waitingFor).toEqual([
        "wdoms_listing",
      ]);
      expect(result.reminders.length).toBeGreaterThan(0);
    },
  },
  // Issue #9's situations, as of 2026-11-30 (the 2027 Match in progress), as an advisor would plan them.
  {
    name: "early-starter-2028",
    now: "2026-11-30T06:00:00Z",
    assess(result) {
      const step = (key: string) => result.nextSteps.find((candidate) => candidate.milestone === key);
      // Planned backwards from the 2028 Match: the ECFMG application, then Step 1, then Step 2 CK,
      // all before ERAS opens and programs review; the hard deadlines stay shown beside the targets.
      const application = step("ecfmg_application");
      const step1 = step("usmle_step1");
      const step2 = step("usmle_step2ck");
      expect(application?.target?.at).toBeDefined();
      expect(Date.parse(application?.target?.at ?? "")).toBeLessThan(Date.parse(step1?.target?.at ?? ""));
      expect(Date.parse(step1?.target?.at ?? "")).toBeLessThan(Date.parse(step2?.target?.at ?? ""));
      expect(Date.parse(step1?.target?.at ?? "")).toBeLessThan(Date.parse("2027-06-02T13:00:00Z")); // ERAS 2028 opens
      expect(Date.parse(step2?.target?.at ?? "")).toBeLessThan(Date.parse("2027-09-22T13:00:00Z")); // programs review
      // The application's hard deadline is the exam chain's: Step 1's latest start (Mon 31 May 2027,
      // 10 PM ET), Step 1 being due by Step 2 CK's latest start; not the ERAS token's (Wed 25 Aug
      // 2027), nor 90 days before Step 1's own latest date, with which the 2028 Match was lost.
      expect(application?.deadline?.at.slice(0, 10)).toBe("2027-06-01");
      expect(application?.deadline?.source).toContain("the latest start of usmle_step1");
      expect(application?.target?.status).toBe("projected");
      expect(step1?.action).toContain("once ECFMG approves");
      // Heard about now, not in May: the first notices for the application and Step 1 come this winter.
      for (const key of ["ecfmg_application", "usmle_step1"]) {
        const first = result.reminders.find((reminder) => reminder.milestone === key);
        expect(Date.parse(first?.sendAt ?? "")).toBeLessThan(Date.parse("2027-01-01T00:00:00Z"));
      }
      expect(codes(result)).toEqual([]);
    },
  },
  {
    name: "rank-list-before-opening-2027",
    now: "2026-11-30T06:00:00Z",
    assess(result) {
      expect(codes(result)).toEqual(["ROL_BEFORE_RANKING_OPENS"]);
      expect(nextKeys(result)).toContain("rank_order_list");
      expect(result.nextSteps.find((step) => step.milestone === "rank_order_list")?.action).toMatch(
        /certify it again/,
      );
      // The Match-outcome phase and the J-1 track after it, in order.
      expect(blockedKeys(result)).toEqual([
        "match_week",
        "match_day",
        "contract",
        "j1_statement_of_need",
        "j1_ecfmg_sponsorship",
        "j1_ds2019",
        "visa_j1",
      ]);
      expect(nextKeys(result)).toContain("soap");
      expect(result.reminders.some((reminder) => reminder.milestone === "rank_order_list")).toBe(true);
      const certification = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
      expect(certification?.deadline?.day).toBe("2027-06-16"); // before orientation
    },
  },
  {
    name: "no-sponsor-note-2027",
    now: "2026-11-30T06:00:00Z",
    assess(result) {
      // Nothing done three months before the rank order list deadline: the season is said out of reach too.
      expect(codes(result)).toEqual(["SCHOOL_NOT_ECFMG_ELIGIBLE", "MATCH_YEAR_NOT_FEASIBLE"]);
      expect(nextKeys(result)).not.toContain("nrmp_registration");
      expect(nextKeys(result)).not.toContain("oet_medicine");
      expect(blockedKeys(result)).toEqual(expect.arrayContaining(["nrmp_registration", "oet_medicine"]));
      expect(result.blocked.every((step) => step.resolvedBy?.includes("sponsor note"))).toBe(true);
      // Blocked steps stay silent; the critical risk itself is told once.
      expect(result.reminders.map((r) => [r.milestone, r.rung])).toEqual([
        ["wdoms_listing", "critical-risk"],
      ]);
      expect(result.budget.items).toEqual([]);
      expect(result.budget.upcomingUsd).toBe(0);
      expect(result.budget.toVerify).toEqual([]);
      expect(result.nextSteps[0]?.milestone).toBe("wdoms_listing");
      expect(result.nextSteps[0]?.urgency).toBe("urgent");
      expect(result.overdue).toEqual([]);
    },
  },
  {
    name: "nothing-done-2027",
    now: "2026-11-30T06:00:00Z",
    assess(result) {
      const risk = result.risks.find((candidate) => candidate.code === "MATCH_YEAR_NOT_FEASIBLE");
      expect(risk?.severity).toBe("critical");
      expect(risk?.earliestFeasibleMatchYear).toBe(2028);
      expect(risk?.message).toContain("The earliest feasible Match is 2028");
      expect(risk?.message).toContain("(projected)");
      expect(risk?.sources?.join(" ")).toContain("projected: Match Day minus 23 days");
      expect(codes(result)).not.toContain("NRMP_LATE_FEE");
      expect(codes(result)).not.toContain("ERAS_LATE_SUBMISSION");
      // The 2028 Match is planned in full: NRMP registration on its projected
      // 2028 dates, with reminders; the ERAS application waits on its token only.
      expect(result.blocked.find((step) => step.milestone === "eras_application")?.waitingFor).toEqual([
        "eras_token",
      ]);
      const nrmp = result.nextSteps.find((step) => step.milestone === "nrmp_registration");
      expect(nrmp?.deadline?.status).toBe("projected");
      expect(nrmp?.dueBy?.slice(0, 7)).toBe("2027-12");
      expect(nextKeys(result).slice(0, 5)).toEqual(
        expect.arrayContaining(["ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"]),
      );
      expect(result.reminders.some((reminder) => reminder.milestone === "nrmp_registration")).toBe(true);
    },
  },
  {
    name: "h1b-step3-before-ranking-2027",
    // While Step 3 can still make the rank order list deadline from Cairo (visitor visa included):
    // from 30 Nov it cannot, and the step waits instead (step3-out-of-reach-step.test.ts).
    now: "2026-10-15T06:00:00Z",
    assess(result) {
      const step3 = result.nextSteps.find((step) => step.milestone === "usmle_step3");
      const rol = result.nextSteps.find((step) => step.milestone === "rank_order_list");
      // Issue #9: Step 3 is sat four weeks before the rank-list deadline so its
      // result (up to four weeks, ECFMG) reaches programs before they rank; it was due on that day.
      // Its deadline is that last sitting day, a day in Cairo: it ends at Cairo's midnight.
      expect(step3?.deadline).toMatchObject({ day: "2027-01-27", precision: "day" });
      expect(rol?.deadline?.et).toContain("Wed 24 Feb 2027");
      expect(step3?.action).toContain("only in the US");
      const risk = result.risks.find((candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B");
      expect(risk?.message).toContain("before the rank order list deadline");
      expect(risk?.message).toContain("(projected)");
      expect(risk?.sources?.join(" ")).toContain("projected: Match Day minus 23 days");
      expect(result.blocked.find((step) => step.milestone === "visa_h1b")?.waitingFor).toEqual([
        "usmle_step3",
        "contract",
      ]);
      // Owed only if the program the Match places them with files a petition: listed apart.
      expect(result.budget.toVerify?.find((item) => item.key === "h_visa_mrv")?.amountUsd).toBe(205);
      expect(result.budget.toVerify?.map((item) => item.key)).toContain("h1b_proclamation_100k");
      expect(result.budget.totalUsd).not.toBeGreaterThan(10_000);
    },
  },
  {
    name: "late-arrival-lagos-2027",
    // 13:00 in Lagos on the NRMP early-registration day (deadline 23:59 ET = 05:59 Lagos next day).
    now: "2026-11-30T12:00:00Z",
    assess(result) {
      const nrmp = result.reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
      expect(nrmp.map((reminder) => reminder.sendAt)).toEqual(["2026-11-30T12:00:00.000Z"]);
      const interview = result.reminders.filter((reminder) => reminder.interviewId === "iv-lagos-1");
      expect(interview[0]?.sendAt).toBe("2026-11-30T12:00:00.000Z");
      expect(interview[0]?.rung).toBe("interview-prep-1d");
      const again = plan(
        loadScenario("late-arrival-lagos-2027"),
        seasonCalendar(2027),
        new Date("2026-11-30T12:00:00Z"),
      );
      expect(again.reminders.map((reminder) => reminder.id)).toEqual(
        result.reminders.map((reminder) => reminder.id),
      );
    },
  },
  {
    name: "status-aware-step2ck-2027",
    now: "2026-11-30T06:00:00Z",
    assess(result) {
      const step2 = result.nextSteps.find((step) => step.milestone === "usmle_step2ck");
      expect(step2?.action).toContain("Did you take it?");
      expect(step2?.action).not.toMatch(/^Book/);
      expect(result.overdue.map((step) => step.milestone)).not.toContain("usmle_step2ck");
      expect(step2?.deadline?.status).toBe("projected");
      const budget = result.nextSteps.find((step) => step.milestone === "budget");
      expect(budget?.dueBy).toBeNull();
      expect(budget?.urgency).toBe("later");
      expect(budget?.action).toContain(`$${result.budget.upcomingUsd.toLocaleString("en-US")}`);
      expect(result.overdue.map((step) => step.milestone)).not.toContain("budget");
      expect(result.reminders.some((reminder) => reminder.milestone === "budget")).toBe(false);
      // In progress: what finishes it, not the catalog's "Choose the Pathway".
      expect(result.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.action).toMatch(
        /^Your Pathway is complete when ECFMG accepts your application/,
      );
    },
  },
  ...FINDING_SCENARIOS,
  ...VISA_FINDING_SCENARIOS,
  ...REAPPLICANT_SCENARIOS,
];

describe("scenario fixtures", () => {
  it("covers every fixture file, and there are at least ten", () => {
    const files = readdirSync(SCENARIO_DIR).filter((file) => file.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.map((file) => file.replace(/\.json$/, "")).sort()).toEqual(
      scenarios.map((s) => s.name).sort(),
    );
  });
});

describe.each(scenarios)("scenario $name", ({ name, now, assess }) => {
  it("plans with meaningful results", () => {
    const snapshot = loadScenario(name);
    const result = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
    assess(result, snapshot);
    for (const reminder of result.reminders)
      expect(Date.parse(reminder.sendAt)).toBeGreaterThanOrEqual(Date.parse(now));
  });

  it.each([["table"], ["json"]])("runs through the CLI as %s", (form) => {
    const output: string[] = [];
    const errors: string[] = [];
    const io: CliIo = {
      readFile: (path) => readFileSync(path, "utf8"),
      now: () => new Date(now),
      out: (text) => output.push(text),
      err: (text) => errors.push(text),
    };
    const path = new URL(`${name}.json`, SCENARIO_DIR).pathname;
    const args = form === "json" ? [path, "--now", now, "--json"] : [path, "--now", now];
    // A scenario that marks a step done after its `now` (the planner's own defence for such a stored
    // snapshot) is one the intake refuses, and so does the CLI (submission-refusals.ts), naming the date.
    const snapshot = loadScenario(name);
    const doneAhead = futureDoneProblems(snapshot.milestones, snapshot.applicant.timezone, new Date(now));
    if (doneAhead.length > 0) {
      expect(runPlanCli(args, io)).toBe(2);
      for (const problem of doneAhead)
        expect(errors.join("")).toContain(`${problem.path}: ${problem.message}`);
      return;
    }
    expect(runPlanCli(args, io)).toBe(0);
    expect(errors).toEqual([]);
    const text = output.join("");
    if (form === "json") {
      const parsed = JSON.parse(text) as Plan;
      expect(parsed.now).toBe(new Date(now).toISOString());
      expect(Array.isArray(parsed.reminders)).toBe(true);
    } else {
      for (const heading of ["NEXT STEPS", "BLOCKED", "OVERDUE", "RISKS", "REMINDERS", "BUDGET"]) {
        expect(text).toContain(heading);
      }
    }
  });
});

describe("plan CLI errors", () => {
  const io = (file: string, errors: string[]): CliIo => ({
    readFile: () => file,
    now: () => new Date("2025-10-01T00:00:00Z"),
    out: () => undefined,
    err: (text) => errors.push(text),
  });

  it("exits 2 and names every invalid field by its JSON path", () => {
    const errors: string[] = [];
    const bad = JSON.stringify({
      type: "applicant.snapshot",
      submissionId: "x",
      applicant: { timezone: "Mars/Base" },
    });
    expect(runPlanCli(["snapshot.json"], io(bad, errors))).toBe(2);
    expect(errors.join("")).toContain("applicant.timezone:");
    expect(errors.join("")).toContain("applicant.email:");
  });

  it("exits 2 on JSON that does not parse and on a bad --now", () => {
    expect(runPlanCli(["snapshot.json"], io("{", []))).toBe(2);
    expect(runPlanCli(["snapshot.json", "--now", "yesterday"], io("{}", []))).toBe(2);
  });

  // The CLI holds a snapshot and --now to the intake's own rules.
  const scenario = () =>
    JSON.parse(readFileSync(new URL("everything-done-j1.json", SCENARIO_DIR), "utf8")) as {
      applicant: { medicalSchool: Record<string, unknown> };
      milestones: { key: string; status: string; date?: string }[];
    };
  const run = (snapshot: unknown, ...args: string[]) => {
    const errors: string[] = [];
    const code = runPlanCli(["snapshot.json", ...args], io(JSON.stringify(snapshot), errors));
    return { code, err: errors.join("") };
  };

  it('refuses "waived" on an exam as the intake does, naming the field', () => {
    const snapshot = scenario();
    const at = snapshot.milestones.findIndex((entry) => entry.key === "usmle_step2ck");
    snapshot.milestones[at] = { key: "usmle_step2ck", status: "waived" };
    const refused = run(snapshot, "--now", "2026-12-02T09:00:00Z");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`milestones.${at}.status: cannot be waived: USMLE Step 2 CK`);
  });

  it("refuses --now given twice, out of 1900-2100, or without a time and offset, naming --now", () => {
    const twice = run(scenario(), "--now", "2026-12-02T09:00:00Z", "--now", "2026-12-03T09:00:00Z");
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/--now is given twice/);
    for (const instant of ["0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "1899-12-31T23:00:00Z"]) {
      const far = run(scenario(), "--now", instant);
      expect(far.code).toBe(2);
      expect(far.err).toMatch(/--now must be from 1900-01-01 to 2100-12-31/);
    }
    const dateOnly = run(scenario(), "--now", "2026-12-02");
    expect(dateOnly.code).toBe(2);
    expect(dateOnly.err).toMatch(/--now needs a time and a UTC offset/);
    expect(run(scenario(), "--now", "2026-12-02T09:00:00+08:00").code).toBe(0);
    // Minutes without seconds: the error says what to write.
    const noSeconds = run(scenario(), "--now", "2026-12-02T09:00+08:00");
    expect(noSeconds.code).toBe(2);
    expect(noSeconds.err).toContain(
      "--now needs the seconds too: got 2026-12-02T09:00+08:00, write 2026-12-02T09:00:00+08:00",
    );
  });

  it("warns of an interview outside the plan's Match interview season instead of dropping it silently", () => {
    const snapshot = { ...scenario(), interviews: [] as unknown[] };
    snapshot.interviews = [
      {
        program: "Old Season Internal Medicine",
        startsAt: "2025-01-10T15:00:00Z",
        timezone: "UTC",
        format: "virtual",
      },
    ];
    const { code, err } = run(snapshot, "--now", "2026-12-02T09:00:00Z");
    expect(code).toBe(0);
    expect(err).toMatch(
      /warning: The interview at Old Season Internal Medicine on 2025-01-10 is outside the 20\d\d Match's interview season/,
    );
    expect(run(scenario(), "--now", "2026-12-02T09:00:00Z").err).toBe("");
  });

  it("says that wdomsSponsorNote may be null (not checked yet) when it is missing or not a boolean", () => {
    for (const value of [undefined, "yes"]) {
      const snapshot = scenario();
      snapshot.applicant.medicalSchool.wdomsSponsorNote = value;
      const { code, err } = run(snapshot, "--now", "2026-12-02T09:00:00Z");
      expect(code).toBe(2);
      expect(err).toMatch(/applicant\.medicalSchool\.wdomsSponsorNote: .*true, false or null/);
    }
  });

  it("prints help and exits 0", () => {
    const output: string[] = [];
    expect(runPlanCli(["--help"], { ...io("", []), out: (text) => output.push(text) })).toBe(0);
    expect(output.join("")).toContain("Usage");
  });
});
