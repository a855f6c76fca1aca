import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Tester t9w F16 (B): a Pathway applicant whose plan recommends the current Pathways (closing at the
 * end of May, applications and documents together) had the OET dated for the next season's route.
 * Ruling: the OET's target and sit-by are that close less the OET result time, and the card names
 * the route. Replayed on the testers' applicants.
 */
const DIR = fileURLToPath(new URL("../../fixtures/t9x-token-oet/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
const planOf = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
describe("the OET dated for the Pathways route the plan recommends (tester t9w F16)", () => {
  const FILE = "pathway-oet-pending-manila-2027.json";

  it("recommending the 2027 Pathways (close end of May 2027): the OET's target and sit-by are that close less 21 days", () => {
    const result = planOf(snapshotOf(FILE), "2027-03-01T09:00:00+08:00");
    const pathway = stepOf(result, "ecfmg_pathway");
    expect(pathway?.target?.at.slice(0, 10)).toBe("2027-06-01"); // 31 May 2027, 11:59 PM ET
    const oet = stepOf(result, "oet_medicine");
    expect(oet?.target?.at.slice(0, 10)).toBe("2027-05-11"); // 10 May 2027, 11:59 PM ET
    expect(oet?.action).toContain("ECFMG needs it by Mon 31 May 2027 (projected)");
    expect(oet?.action).toContain("sit it by Mon 10 May 2027 at the latest (projected)");
    expect(oet?.action).toContain("This plan dates your OET for ECFMG's 2027 Pathways");
    expect(oet?.action).not.toContain("2028 (projected)");
    // The re-sit countdown ends at the route's last sitting day, not the next season's.
    const rebook = result.reminders.filter(
      (each) => each.milestone === "oet_medicine" && each.rung === "deadline-in-1d",
    );
    expect(rebook.map((each) => each.sendAtLocal)).toContain("2027-05-09T09:00:00.000+08:00");
  });

  it("once that route has closed, the OET is dated for the next Pathways", () => {
    const result = planOf(snapshotOf(FILE), "2027-06-05T09:00:00+08:00");
    const oet = stepOf(result, "oet_medicine");
    expect(oet?.action).not.toContain("This plan dates your OET for ECFMG's 2027 Pathways");
    expect(oet?.action).toContain("2028 (projected)");
  });
});
