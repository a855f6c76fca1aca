import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { rankListAsksRegistration } from "#domain/planner/rank-list-unreported.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The console told the advisor an applicant "has not told us whether they registered with NRMP and
 * certified a rank order list" while the same page listed NRMP registration done: the advisor's
 * sentence was one per risk code, while the plan asks about registration only when it was never
 * reported. Rosa, in Lima, interviewed for the 2027 Match and reported NRMP registration done on
 * 28 Nov 2026, but no rank order list.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/advisor-voice/nrmp-registered-list-untold-2027.json", import.meta.url),
);
const rosa = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const about = { fullName: "Rosa Quispe", matchYear: 2027, visa: "J-1" as const };
const planAt = (snapshot: ApplicantSnapshot, iso: string): Plan =>
  plan(snapshot, seasonCalendar(2027), new Date(iso));
const asked = (result: Plan) => result.risks.find((risk) => risk.code === "RANK_LIST_UNREPORTED");
const unregistered: ApplicantSnapshot = {
  ...rosa,
  milestones: rosa.milestones.filter((entry) => entry.key !== "nrmp_registration"),
};

describe("the advisor is asked about the list only when the applicant reported NRMP registration", () => {
  for (const iso of ["2027-03-02T15:00:00Z", "2027-03-22T15:00:00Z"]) {
    it(`registered (${iso.slice(0, 10)}): the list only, as the applicant's own words`, () => {
      const risk = asked(planAt(rosa, iso));
      expect(risk).toBeDefined();
      if (risk === undefined) return;
      expect(rankListAsksRegistration(risk)).toBe(false);
      const words = riskForAdvisor(risk, about);
      expect(words).toMatch(
        /^Rosa Quispe interviewed for the 2027 Match but has not told us whether they certified a rank order list\. /,
      );
      expect(words).not.toMatch(/registered with NRMP/);
    });

    it(`never reported registration (${iso.slice(0, 10)}): registration and the list`, () => {
      const risk = asked(planAt(unregistered, iso));
      expect(risk).toBeDefined();
      if (risk === undefined) return;
      expect(rankListAsksRegistration(risk)).toBe(true);
      expect(riskForAdvisor(risk, about)).toMatch(
        /^Rosa Quispe interviewed for the 2027 Match but has not told us whether they registered with NRMP and certified a rank order list\. /,
      );
    });
  }
});
