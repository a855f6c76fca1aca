import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { readSnapshot } from "./fixture-snapshots.ts";

/**
 * PATHWAY_CERTIFICATE_MAY_EXPIRE disappeared once Match Week
 * was reported, though the certificate must be valid on the residency start (1 Jul), which matters
 * most once matched. It now stays until the start, with words for the matched applicant. Replayed on
 * the reported Manila applicant (J-1, certificate through a Pathway accepted 1 Aug 2025), before and
 * after reporting Match Week and Match Day.
 */
const DIR = fileURLToPath(new URL("../../fixtures/notices-after-the-match/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot => readSnapshot(DIR, file);
const riskAt = (snapshot: ApplicantSnapshot, now: string) =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now)).risks.find(
    (each) => each.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE",
  );
const MATCHED = snapshotOf("j1-matched-manila-nothing-done-after-match.json");
const BEFORE = snapshotOf("j1-matched-manila-postmatch.json");

describe("the Pathway certificate's validity warning stays while it matters", () => {
  it.each(["2027-03-19T10:00:00+08:00", "2027-03-21T10:00:00+08:00", "2027-06-20T10:00:00+08:00"])(
    "matched, at %s: the check against the residency start stands",
    (now) => {
      const risk = riskAt(MATCHED, now);
      expect(risk?.severity).toBe("warning");
      expect(risk?.message).toContain(
        "You matched, and you can start residency only with a valid certificate.",
      );
      expect(risk?.message).toContain("Yours was accepted on Fri 1 Aug 2025");
      expect(risk?.message).toContain(
        "against your residency start, Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours)",
      );
      expect(risk?.message).toContain("if it ends before, ask ECFMG now how to revalidate it in time");
      expect(risk?.sources).toContain("https://ecfmg.org/certification-pathways/permanent-validation.html");
    },
  );

  it("before reporting, the same applicant is warned too: reporting the Match does not silence it", () => {
    expect(riskAt(BEFORE, "2027-03-21T10:00:00+08:00")).toBeDefined();
    expect(riskAt(MATCHED, "2027-03-21T10:00:00+08:00")).toBeDefined();
  });

  it("ends at the residency start", () => {
    expect(riskAt(MATCHED, "2027-07-02T10:00:00+08:00")).toBeUndefined();
  });

  it("is listed in the matched applicant's plan, where the emails' risks come from", () => {
    const result: Plan = plan(MATCHED, seasonCalendar(2027), new Date("2027-04-05T10:00:00+08:00"));
    expect(result.risks.map((each) => each.code)).toContain("PATHWAY_CERTIFICATE_MAY_EXPIRE");
  });
});
