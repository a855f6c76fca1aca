import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An applicant with a certified rank order list who never answered Match Week (Dhaka, J-1, 2027
 * Match) may have gone unmatched and accepted a SOAP offer, a position as binding as a match. Match
 * Day's step asked only where they matched and said the Match was over "if you did not match", so a
 * SOAP-placed applicant read that they should re-plan for 2028, with a contract and a Statement of
 * Need due.
 */
const DIR = fileURLToPath(new URL("../../fixtures/match-outcomes/", import.meta.url));
const silent = readSnapshot(DIR, "certified-list-silent-dhaka.json");

describe("Match Day for a certified list with no Match Week answer", () => {
  it.each([
    ["Match Day evening", "2027-03-19T16:00:00Z"],
    ["past the contract's day", "2027-04-10T04:00:00Z"],
  ])("%s: asks where, in the Match or by a SOAP offer, before calling the Match over", (_name, now) => {
    const step = planInOwnMatch(silent, now).nextSteps.find((each) => each.milestone === "match_day");
    expect(step?.action).toContain("in the Match or by a SOAP offer you accepted");
    expect(step?.action).toContain(
      "If you did not match and accepted no SOAP offer, the 2027 Match is over for you",
    );
  });
});
