import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A matched H-1B applicant in Manila with the contract signed was still told to
 * ask the program "as soon as you know it how it will sponsor you". Rule: once the contract is
 * signed the program is known: ask it whether the proclamation applies to its petition and whether
 * it seeks an exception. Before the contract, the earlier words stand.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-routes/", import.meta.url));
const MANILA: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(`${DIR}h1b-matched-manila-petition-2027.json`, "utf8")),
);
const NOW = "2027-05-20T10:00:00+08:00";
const proclamation = (result: Plan) => result.risks.find((risk) => risk.code === "H1B_PROCLAMATION_FEE");
const planOf = (snapshot: ApplicantSnapshot): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(NOW));

describe("the proclamation risk once the contract is signed", () => {
  it("asks the program whether the proclamation applies to its petition and whether it seeks an exception", () => {
    const message = proclamation(planOf(MANILA))?.message ?? "";
    expect(message).toContain(
      "Ask your program's immigration office whether the proclamation applies to its petition for you and whether it seeks a national-interest exception",
    );
    expect(message).not.toContain("as soon as you know it");
    expect(message).toContain("$100,000");
  });

  it("keeps the earlier words before the contract is signed", () => {
    const unsigned = { ...MANILA, milestones: MANILA.milestones.filter((entry) => entry.key !== "contract") };
    expect(proclamation(planOf(unsigned))?.message).toContain(
      "ask it as soon as you know it how it will sponsor you",
    );
  });
});
