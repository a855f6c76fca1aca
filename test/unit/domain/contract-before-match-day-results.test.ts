import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A Karachi applicant told on Monday of Match Week that she matched marks her program's contract in
// progress before Match Day. NRMP tells her which program she matched with only at Match Day's
// release (Fri 19 Mar 2027, 12:00 PM ET: 9:00 PM in Karachi), and that program's contract comes
// after it. On Match Day morning her card (and the contract email of that morning, which carries it)
// says so, rather than "sign and return the contract within the window your program gives" as if
// one were in hand.

const input = matched2027("Asia/Karachi", {
  matchDay: false,
  extra: [milestoneFactory("contract", "in_progress")],
});
const cardAt = (iso: string) =>
  plan(input, seasonCalendar(2027), new Date(iso)).nextSteps.find((step) => step.milestone === "contract")
    ?.action;

describe("a contract marked begun before Match Day's results are out", () => {
  it("says first when the results come out and that the contract comes after that hour", () => {
    const card = cardAt("2027-03-19T04:00:00Z"); // Fri 19 Mar, 9:00 AM in Karachi
    expect(card).toMatch(
      /^Match Day's results come out on Fri 19 Mar 2027, 9:00 PM GMT\+5 \(Fri 19 Mar 2027, 12:00 PM ET\) \(projected\): only then does NRMP tell you which program you matched with/,
    );
    expect(card).toContain("that program's contract comes after that hour");
  });

  it("keeps its own words once the results are out", () => {
    const card = cardAt("2027-03-19T17:00:00Z"); // 10:00 PM in Karachi, after the release
    expect(card).toMatch(/^Sign and return the contract within the window your program gives/);
  });
});
