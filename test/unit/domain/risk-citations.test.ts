import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/** Risk texts repeated long source URLs (a projection rule cited twice in one message). */

const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const NOWS = ["2026-05-10T03:00:00Z", "2026-11-30T12:00:00Z", "2027-02-20T23:30:00Z", "2027-06-01T12:00:00Z"];

const repeatedUrls = (message: string): string[] => {
  const urls: string[] = message.match(/https?:\/\/[^\s);,]+/g) ?? [];
  return [...new Set(urls.filter((url, index) => urls.indexOf(url) !== index))];
};

describe("risk messages cite each source once", () => {
  it("names the projection rule once, in sources, and marks both deadlines '(projected)' in the sentence", () => {
    const result = plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2027 }) }),
      seasonCalendar(2027),
      new Date("2026-11-30T10:00:00Z"),
    );
    const risk = result.risks.find((candidate) => candidate.code === "MATCH_YEAR_NOT_FEASIBLE");
    const message = risk?.message ?? "";
    // The provenance blob stays out of the sentence an escalation quotes.
    expect(message).not.toContain("Match Day minus 23 days");
    expect(message.match(/\(projected\)/g)?.length).toBe(2);
    expect(message).toMatch(
      /rank order list deadline [^;]+ \(projected\); residency starts Sat 1 Jul 2028\)/,
    );
    expect(risk?.sources?.filter((source) => source.includes("Match Day minus 23 days")).length).toBe(1);
    expect(repeatedUrls(message)).toEqual([]);
  });

  it("repeats no URL within any risk of any scenario fixture, at four instants of the season", () => {
    const files = readdirSync(SCENARIO_DIR).filter((file) => file.endsWith(".json"));
    for (const file of files) {
      const snapshot = ApplicantSnapshotSchema.parse(
        JSON.parse(readFileSync(new URL(file, SCENARIO_DIR), "utf8")),
      );
      for (const now of NOWS) {
        const result = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
        for (const risk of result.risks) {
          expect([file, now, risk.code, repeatedUrls(risk.message)]).toEqual([file, now, risk.code, []]);
          expect(new Set(risk.sources).size).toBe(risk.sources?.length ?? 0);
          expect(risk.message).not.toContain("Candidates:");
        }
      }
    }
  });
});
