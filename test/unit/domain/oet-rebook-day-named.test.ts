import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An OET booked after its last sitting day must be
 * re-booked. The OET card, the Pathway card and MATCH_YEAR_LAST_DAY name the day to book by (the
 * day the booking countdown runs to: the last sitting day, Tue 5 Jan 2027 (our advice), less OET's
 * booking allowance, 20 days (advice)), and "act by" is not later than it. One last sitting day, the
 * earlier projection's, in both cards; the later candidate's only on its condition, and said honestly
 * once no session that can still be booked counts. Efua (Accra, 2027 Match, Pathway in progress,
 * OET booked for Sat 27 Feb 2027) is our own applicant.
 */
const DIR = new URL("../../fixtures/oet-and-pathway/", import.meta.url).pathname;
const efua = readSnapshot(DIR, "efua-oet-after-last-day.json");

const card = (result: Plan, key: string): string =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";
const risk = (result: Plan, code: string): string =>
  result.risks.find((each) => each.code === code)?.message ?? "";

describe("an OET to re-book names its booking day", () => {
  const result = planInOwnMatch(efua, "2026-12-04T12:00:00Z");

  it("the OET card and the Pathway card say: book by about Wed 16 Dec 2026 a sitting on or before Tue 5 Jan 2027", () => {
    const bookBy =
      "book by about Wed 16 Dec 2026 (sessions close their bookings about 20 days ahead; our advice) a sitting on or before Tue 5 Jan 2027 (our advice)";
    for (const key of ["oet_medicine", "ecfmg_pathway"]) {
      expect(card(result, key)).toContain("after Tue 5 Jan 2027 (our advice), the last sitting");
      expect(card(result, key)).toContain(bookBy);
      // Never "book by" the sitting day itself.
      expect(card(result, key)).not.toContain("Book an earlier sitting, by Tue 5 Jan 2027");
    }
  });

  it("MATCH_YEAR_LAST_DAY acts by the booking day, not the Pathway's later deadline, and names it", () => {
    const said = risk(result, "MATCH_YEAR_LAST_DAY");
    expect(said).toMatch(
      /^The 2027 Match is still within reach if you act by about Wed 16 Dec 2026 \(our advice\):/,
    );
    expect(said).not.toContain("act by Sat 26 Dec 2026");
    // Her seat is named as too late, so the one to book is an earlier one, not a first.
    expect(said).toContain("an earlier OET Medicine sitting on or before Tue 5 Jan 2027 (our advice)");
    expect(said).toContain("Your OET Medicine sitting on Sat 27 Feb 2027 is after its last sitting day");
    expect(said).toContain("booked by about Wed 16 Dec 2026");
    expect(said).not.toContain("any OET session you can book by Tue 5 Jan 2027");
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")).toContain(
      "move it earlier and book by about Wed 16 Dec 2026",
    );
  });

  it("the reminders count down to that same day", () => {
    const rungs = result.reminders.filter(
      (each) => each.milestone === "oet_medicine" && each.rung.startsWith("book-by-in-"),
    );
    expect(rungs.length).toBeGreaterThan(0);
    for (const rung of rungs) expect(rung.title).toContain("book a session by Wed 16 Dec 2026");
    expect(rungs.at(-1)?.sendAt.slice(0, 10)).toBe("2026-12-15");
  });

  it("once that day has passed, the cards say booking has probably closed, and the later candidate only on its condition", () => {
    const late = planInOwnMatch(efua, "2026-12-20T12:00:00Z");
    for (const key of ["oet_medicine", "ecfmg_pathway"]) {
      expect(card(late, key)).toContain(
        "Booking for sittings by Tue 5 Jan 2027 (our advice) has probably closed",
      );
      expect(card(late, key)).toContain(
        "Only if NRMP's 2027 deadline turns out later than projected (16 days before Match Day in 2022–2025, Wed 3 Mar 2027) would a sitting on or before Tue 12 Jan 2027 (our advice) still count: book it by about Wed 23 Dec 2026",
      );
    }
  });
});

describe("one last sitting day in the OET and Pathway cards", () => {
  // Past the projected Pathway deadline with her application not recorded as submitted, the plan
  // keeps the Match on NRMP's later candidate alone: the critical and the row name its day, Tue 12
  // Jan 2027, and the cards, which named Tue 5 Jan "the last sitting" beside it, name that one day.
  const result = planInOwnMatch(efua, "2027-01-10T12:00:00Z");

  it("both give Tue 12 Jan 2027, the day the critical names, and that booking for it has probably closed", () => {
    for (const key of ["oet_medicine", "ecfmg_pathway"]) {
      const said = card(result, key);
      expect(said).toContain("after Tue 12 Jan 2027 (our advice), the last sitting");
      expect(said).not.toContain("Tue 5 Jan 2027");
      expect(said).toContain(
        "Booking for sittings by Tue 12 Jan 2027 (our advice) has probably closed (sessions close their bookings about 20 days ahead; our advice): check OET's session calendar now for a late seat by that day",
      );
    }
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).toContain(
      "move your OET Medicine sitting of Sat 27 Feb 2027, too late as booked, to Tue 12 Jan 2027 at the latest",
    );
  });
});
