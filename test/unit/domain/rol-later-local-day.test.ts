import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * The later candidate of the projected rank order list deadline,
 * Wed 3 Mar 2027, 9:00 PM ET, is Thu 4 Mar 2027, 7:00 AM in Karachi. A result dated Karachi's 4 Mar
 * may still be in time; the words name the candidate with its ET date and the local time, as the
 * deadline is named elsewhere, and say why a 4 Mar date can count.
 */

const mayBeLater = (timezone: string, result: string, now: string) =>
  plan(
    certifiedListWith(timezone, milestoneFactory("usmle_step2ck", "done", result)),
    seasonCalendar(2027),
    new Date(now),
  ).risks.find((risk) => risk.code === "ROL_DEADLINE_MAY_BE_LATER");

describe("the later candidate on the applicant's own day", () => {
  it("Karachi, a result dated Thu 4 Mar 2027: the candidate in both zones, in time if reported before it", () => {
    const risk = mayBeLater("Asia/Karachi", "2027-03-04", "2027-03-05T10:00:00+05:00");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "if it turns out later (Thu 4 Mar 2027, 7:00 AM GMT+5 (Wed 3 Mar 2027, 9:00 PM ET),",
    );
    expect(risk?.message).toContain("you are in the Match if your result was reported before then");
  });

  it("Karachi, a result dated Tue 2 Mar 2027: before the candidate's local day, in the Match as before", () => {
    const risk = mayBeLater("Asia/Karachi", "2027-03-02", "2027-03-05T10:00:00+05:00");
    expect(risk?.message).toContain("you are in the Match.");
  });
});
