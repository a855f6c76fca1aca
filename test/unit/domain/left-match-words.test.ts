import { describe, expect, it } from "vitest";
import { laterMatchReason, leftMatchWords } from "#domain/match-year-heading.ts";

/**
 * The console's Match column for a plan dated for a later Match: "2027 out of reach", or "2027: …"
 * with why a Match gone through was left. The cell chose its punctuation by comparing the reason
 * with the words "out of reach", so rewording that reason would have given "2027: out of reach" or
 * "2027not matched"; the words now come whole from beside the reasons.
 */
describe("the Match a later-dated plan leaves, in the console's words", () => {
  it.each([
    [[], "2027 out of reach"],
    [["MATCH_YEAR_NOT_FEASIBLE"], "2027 out of reach"],
    [["UNMATCHED_NOT_IN_SOAP"], "2027: not matched, not in SOAP"],
    [["SOAP_OUTCOME_UNREPORTED", "UNMATCHED_NOT_IN_SOAP"], "2027: no SOAP position reported"],
    [["NRMP_REGISTRATION_CLOSED"], "2027: never registered with NRMP"],
  ])("%j reads %s", (codes, words) => {
    expect(leftMatchWords(2027, codes)).toBe(words);
  });

  it("gives the applicant's heading the same reason", () => {
    for (const codes of [[], ["UNMATCHED_NOT_IN_SOAP"], ["NRMP_REGISTRATION_CLOSED"]]) {
      expect(leftMatchWords(2027, codes)).toMatch(new RegExp(`^2027:? ${laterMatchReason(codes)}$`));
    }
  });
});
