import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * An interview that is evidence for the
 * entered Match presumes every certification and ERAS step the applicant never reported, whatever
 * else was reported and whether or not the Match stays in reach. A moved plan carries the presumed
 * statuses (never "create a MyIntealth account"), the warning lists every presumed step, the Pathway
 * included, and names the deadlines still ahead as questions; no text calls a never-reported step
 * "not submitted".
 */
const ERAS_STEPS = ["lors", "personal_statement", "cv", "program_list", "eras_token", "eras_application"];

const DHAKA = (milestones: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "adva1-nasrin",
      fullName: "Nasrin Akter",
      timezone: "Asia/Dhaka",
      matchYear: 2027,
      graduation: "2024-12-31",
      medicalSchool: { name: "Sylhet MAG Osmani Medical College", country: "BD", wdomsSponsorNote: true },
    }),
    milestones,
    interviews: [
      interviewFactory({
        program: "Riverside Internal Medicine",
        startsAt: "2026-12-14T09:30:00-05:00",
        timezone: "America/New_York",
      }),
    ],
  });

const BOGOTA = (milestones: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "adva1-camilo",
      fullName: "Camilo Restrepo",
      timezone: "America/Bogota",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Universidad de Antioquia", country: "CO", wdomsSponsorNote: true },
    }),
    milestones,
    interviews: [
      interviewFactory({
        program: "Prairie Family Medicine",
        startsAt: "2027-01-20T10:00:00-06:00",
        timezone: "America/Chicago",
        format: "in_person",
      }),
    ],
  });

const unreported = (result: Plan) =>
  result.risks.find((risk) => risk.code === "CERTIFICATION_STATUS_UNREPORTED");
const texts = (result: Plan): string[] => [
  ...result.nextSteps.flatMap((step) => [step.title, step.action ?? ""]),
  ...result.blocked.map((step) => step.title),
  ...result.overdue.map((step) => step.title),
  ...result.risks.map((risk) => risk.message),
];
const listed = (result: Plan, key: string) => result.nextSteps.some((step) => step.milestone === key);

describe("Step 2 CK reported not started, the rest never reported", () => {
  const now = new Date("2026-12-03T09:00:00Z");
  for (const [zone, input] of [
    ["Dhaka", DHAKA([milestoneFactory("usmle_step2ck", "not_started")])],
    ["Bogota", BOGOTA([milestoneFactory("usmle_step2ck", "not_started")])],
  ] as const) {
    const result = plan(input, seasonCalendar(2027), now);

    it(`${zone}: presumes the ECFMG application, Step 1, OET, Pathway (and ERAS steps while 2027 holds), and asks`, () => {
      // Whether 2027 stays in reach on Step 2 CK alone is feasibility's call (its pace may change):
      // kept, the 2027 ERAS steps are asked for too; moved, the 2028 season's ERAS steps are planned anew.
      const moved = result.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
      const certification = ["ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"];
      expect(unreported(result)?.milestones).toEqual(
        moved ? certification : [...certification, ...ERAS_STEPS],
      );
      expect(unreported(result)?.message).toContain("interview for the 2027 Match");
    });

    it(`${zone}: never asks to open MyIntealth or to do the presumed steps again`, () => {
      expect(texts(result).join("\n")).not.toMatch(/MyIntealth account/);
      for (const key of ["ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"])
        expect(listed(result, key)).toBe(false);
    });
  }
});

describe("OET reported in progress, the Pathway never reported", () => {
  const now = new Date("2026-12-03T09:00:00Z");
  for (const [zone, input] of [
    ["Dhaka", DHAKA([milestoneFactory("oet_medicine", "in_progress")])],
    ["Bogota", BOGOTA([milestoneFactory("oet_medicine", "in_progress")])],
  ] as const) {
    const result = plan(input, seasonCalendar(2027), now);

    it(`${zone}: the warning lists the Pathway and asks, with its deadline still ahead, as a question`, () => {
      const risk = unreported(result);
      expect(risk?.milestones).toContain("ecfmg_pathway");
      expect(risk?.message).toContain(
        "ECFMG Pathway application: if you have not submitted it, do it by Sat 26 Dec 2026 (projected)",
      );
    });

    it(`${zone}: no card or risk says the never-reported Pathway is not submitted`, () => {
      expect(texts(result).join("\n")).not.toMatch(/is not submitted|submit the application now/);
      // Presumed sent, not done, beside the OET reported unfinished: its card
      // asks both ways, and the warning says the plan counts it as sent.
      const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
      // Dhaka's day of the 6:00 PM ET deadline is the next: both zones there.
      expect(pathway?.action).toMatch(
        zone === "Dhaka"
          ? /Not submitted yet: submit it by Sun 27 Dec 2026, 5:00 AM GMT\+6 \(Sat 26 Dec 2026, 6:00 PM ET\) \(projected\).*Already submitted/
          : /Not submitted yet: submit it by Sat 26 Dec 2026 \(projected\).*Already submitted/,
      );
      expect(unreported(result)?.message).toContain("except your ECFMG Pathway: it counts that as sent");
      expect(listed(result, "oet_medicine")).toBe(true);
    });
  }
});

describe("Step 1 reported done only: the deadlines still ahead are named as questions", () => {
  const now = new Date("2026-12-03T09:00:00Z");
  for (const [zone, input] of [
    ["Dhaka", DHAKA([milestoneFactory("usmle_step1", "done", "2026-05-20")])],
    ["Bogota", BOGOTA([milestoneFactory("usmle_step1", "done", "2026-05-20")])],
  ] as const) {
    const result = plan(input, seasonCalendar(2027), now);

    it(`${zone}: lists Step 2 CK, OET, the Pathway and ERAS steps, not Step 1 nor its ECFMG application`, () => {
      expect(unreported(result)?.milestones).toEqual([
        "usmle_step2ck",
        "oet_medicine",
        "ecfmg_pathway",
        ...ERAS_STEPS,
      ]);
    });

    it(`${zone}: names Step 2 CK's, the OET's and the Pathway's own deadlines, projected`, () => {
      const message = unreported(result)?.message ?? "";
      expect(message).toMatch(
        /USMLE Step 2 CK: if you have not taken it, sit it by [A-Z][a-z]{2} \d+ Jan 2027 \(our advice\)/,
      );
      expect(message).toMatch(
        /OET Medicine: if you have not taken it, sit it by [A-Z][a-z]{2} \d+ Jan 2027 \(our advice\)/,
      );
      expect(message).toContain(
        "ECFMG Pathway application: if you have not submitted it, do it by Sat 26 Dec 2026 (projected)",
      );
      // The ERAS application's own deadline for the 2027 Match has passed: not named as one to meet.
      expect(message).not.toMatch(/ERAS application: if/);
    });
  }
});

describe("Step 2 CK reported not started after its last sitting day: the plan moves anyway", () => {
  // After the later candidate's last sitting day (Wed 3 Feb 2027): until then the Match is kept.
  const now = new Date("2027-02-05T09:00:00Z");
  for (const [zone, input] of [
    ["Dhaka", DHAKA([milestoneFactory("usmle_step2ck", "not_started")])],
    ["Bogota", BOGOTA([milestoneFactory("usmle_step2ck", "not_started")])],
  ] as const) {
    const result = plan(input, seasonCalendar(2027), now);

    it(`${zone}: moves to 2028 carrying the presumed steps: no MyIntealth, no presumed step to redo`, () => {
      expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(texts(result).join("\n")).not.toMatch(/MyIntealth account/);
      for (const key of ["ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"])
        expect(listed(result, key)).toBe(false);
      expect(listed(result, "usmle_step2ck")).toBe(true);
      // The 2027 ERAS fees were never reported paid: the interview suggests it, the applicant never said.
      const moved = result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.message ?? "";
      expect(moved).not.toContain("The 2027 fees you paid");
    });

    // The presumed 2027 ones are presumed paid, never spent nor owed.
    it(`${zone}: budgets the 2028 Match's own ERAS token and applications, the presumed 2027 ones as presumed paid`, () => {
      const eras = result.budget.items.filter((item) => item.key.startsWith("eras_"));
      expect(eras.length).toBeGreaterThan(0);
      for (const item of eras) {
        if (item.nextMatch === undefined) expect(item.status).toBe("presumed");
        else {
          expect(item.status).toBe("upcoming");
          expect(item.nextMatch.matchYear).toBe(2028);
        }
      }
      expect(eras.some((item) => item.status === "presumed")).toBe(true);
    });

    it(`${zone}: still asks for the presumed statuses, naming the 2027 Match the interview is for`, () => {
      const risk = unreported(result);
      expect(risk?.milestones).toEqual(
        expect.arrayContaining(["ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"]),
      );
      expect(risk?.message).toContain("interview for the 2027 Match");
    });
  }
});

// The OET reported in progress, the plan moved past its last sitting day. The
// Pathway presumed sent (not done) beside it was not accepted, and a Pathway application is for one
// Pathways season: the moved plan must not carry it as done, or the next Match's Pathway loses its
// card and reminders while the certificate's card calls it done.
describe("OET in progress past its last sitting day, the Pathway never reported", () => {
  for (const [zone, input] of [
    ["Dhaka", DHAKA([milestoneFactory("oet_medicine", "in_progress")])],
    ["Bogota", BOGOTA([milestoneFactory("oet_medicine", "in_progress")])],
  ] as const) {
    // Past the later candidate's last OET sitting day too, Tue 12 Jan 2027 (ECFMG's deadlines follow NRMP's).
    const result = plan(input, seasonCalendar(2027), new Date("2027-01-14T09:00:00Z"));

    it(`${zone}: the moved plan keeps the next Match's Pathway as a step to do, with reminders`, () => {
      expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
      const keys = [...result.nextSteps, ...result.blocked].map((step) => step.milestone);
      expect(keys).toContain("ecfmg_pathway");
      expect(result.reminders.some((reminder) => reminder.milestone === "ecfmg_pathway")).toBe(true);
      expect(unreported(result)?.milestones ?? []).not.toContain("ecfmg_pathway");
    });
  }
});
