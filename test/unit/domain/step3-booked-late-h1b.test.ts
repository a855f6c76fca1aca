import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reminderShownDate } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Tomás, Denver, H-1B, interviewing for the 2027 Match. Booked for Step 3 on Wed 10 Feb 2027, after
 * Wed 27 Jan, the last sitting day whose result reaches programs by the projected rank order list
 * deadline, he was told ranking on H-1B was "most likely out of reach ... keep it", while the same
 * applicant not booked was told to sit by 27 Jan. One rule for both: while that day is ahead the
 * step is due by it and asks to move the sitting; only once it has passed is ranking out of reach.
 */
const load = (name: string) =>
  ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL(`../../fixtures/step3-booked-late-h1b/${name}`, import.meta.url)),
        "utf8",
      ),
    ),
  );
const booked = load("h1b-denver-step3-booked-late.json");
const notBooked = load("h1b-denver-step3-not-booked.json");
const calendar = seasonCalendar(2027);

function step3Of(snapshot: ReturnType<typeof load>, now: string) {
  const result = plan(snapshot, calendar, new Date(now));
  const step = result.nextSteps.find((next) => next.milestone === "usmle_step3");
  const risk = result.risks.find((found) => found.code === "STEP3_NEEDED_FOR_H1B");
  const notice = result.reminders.find((reminder) => reminder.risk === "STEP3_NEEDED_FOR_H1B");
  return { step, risk, notice };
}

describe("H-1B Step 3 booked on the petition's sit-by day itself", () => {
  it("says the sitting is on or before that day, not before it", () => {
    const onTheDay = ApplicantSnapshotSchema.parse({
      ...booked,
      milestones: booked.milestones.map((milestone) =>
        milestone.key === "usmle_step3" ? { ...milestone, date: "2027-03-19" } : milestone,
      ),
    });
    const { risk } = step3Of(onTheDay, "2027-01-15T12:00:00-07:00");
    expect(risk?.message).toContain(
      "still needs Step 3 sat by Fri 19 Mar 2027 (our advice), so that its result reaches the petition, and your sitting is on or before that day",
    );
  });
});

describe("H-1B Step 3 booked after its last sitting day for ranking", () => {
  for (const now of ["2026-11-30T20:00:00-07:00", "2027-01-15T12:00:00-07:00"]) {
    it(`at ${now}: asks to move it to Wed 27 Jan, the day the not-booked plan gives`, () => {
      const late = step3Of(booked, now);
      const open = step3Of(notBooked, now);
      expect(late.step?.deadline?.local).toContain("Wed 27 Jan 2027");
      expect(late.risk?.severity).toBe("critical");
      expect(late.risk?.message).toContain(
        "Move it: book a sitting on or before Wed 27 Jan 2027 (our advice)",
      );
      expect(late.risk?.message).toContain("If no earlier seat is open, keep Wed 10 Feb 2027");
      expect(late.risk?.message).toContain(
        "the H-1B petition after the Match still needs Step 3 sat by Fri 19 Mar 2027 (our advice), so that its result reaches the petition, and your sitting is on or before that day",
      );
      // A day to sit by, never the pass's: the result comes weeks after the sitting.
      expect(late.risk?.message).not.toContain("Step 3 pass, by");
      expect(late.risk?.message).not.toContain("out of reach");
      expect(`${late.step?.why} ${late.step?.action}`).toContain("Move it earlier");
      // The notice shows the card's date, not the day booked.
      if (late.notice === undefined) throw new Error("no Step 3 notice");
      expect(reminderShownDate(late.notice).local).toContain("Wed 27 Jan 2027");
      if (now.startsWith("2026")) expect(open.step?.deadline?.local).toContain("Wed 27 Jan 2027");
    });
  }

  it("booked after the petition's sit-by day too: move it, and no word of keeping it", () => {
    const afterPetition = ApplicantSnapshotSchema.parse({
      ...booked,
      milestones: booked.milestones.map((entry) =>
        entry.key === "usmle_step3" ? { ...entry, date: "2027-03-25" } : entry,
      ),
    });
    const late = step3Of(afterPetition, "2026-11-30T20:00:00-07:00");
    expect(late.risk?.message).toContain("Move it: book a sitting on or before Wed 27 Jan 2027 (our advice)");
    expect(late.risk?.message).toContain("too late for the H-1B petition after the Match too");
    expect(late.risk?.message).not.toContain("keep Thu 25 Mar");
  });

  it.each(["2027-01-22T08:00:00-07:00", "2027-01-28T08:00:00-07:00"])(
    "at %s, a seat by Wed 27 Jan no longer fits (about a week to a seat): ranking on H-1B is out of reach, keep the sitting for the petition",
    (now) => {
      const late = step3Of(booked, now);
      expect(late.risk?.message).toContain("Ranking on H-1B for the 2027 Match is most likely out of reach");
      expect(late.risk?.message).toContain("keep it");
      expect(late.step?.deadline?.local).toContain("Fri 19 Mar 2027");
    },
  );
});
