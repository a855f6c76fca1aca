import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reminderShownDate } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * Amara (Los Angeles, H-1B, certificate issued) once Step 3 can no longer reach ranking: the card
 * says "sit it by Fri 19 Mar 2027" (the H-1B petition's day), yet STEP3_NEEDED_FOR_H1B's notice said
 * "Due Wed 24 Feb 2027, 9:00 PM" (the rank order list deadline it is laid against), one step with two
 * dates. The notice now shows the card's date, the one its ladder counts to, and is
 * still laid against the deadline, so a second critical notice on Step 3 folds into it (one email item).
 */
const load = (name: string) =>
  ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(new URL(`../../fixtures/step3-notice-card-date/${name}`, import.meta.url), "utf8"),
    ),
  );
const calendar = seasonCalendar(2027);
const ROL_DEADLINE = "2027-02-25T02:00:00.000Z"; // Wed 24 Feb 2027, 9:00 PM ET
const SIT_BY = "Fri 19 Mar 2027";

function step3At(name: string, now: string) {
  const planned = plan(load(name), calendar, new Date(now));
  const card = planned.nextSteps.find((step) => step.milestone === "usmle_step3");
  // The notices go together: at the next delivery slot, or at once on the deadline's eve.
  const noticeAt = planned.reminders.find(
    (reminder) => reminder.milestone === "usmle_step3" && reminder.rung === "critical-risk",
  )?.sendAt;
  const notices = planned.reminders.filter(
    (reminder) =>
      reminder.milestone === "usmle_step3" && reminder.sendAt === noticeAt && reminder.risk !== undefined,
  );
  return { planned, card, notices };
}

describe("Step 3's H-1B notice shows its card's date once ranking is out of reach", () => {
  it("not booked, mid-January: 'Due Fri 19 Mar', the card's sit-by day, laid against the deadline", () => {
    // Prepare, Act
    const { card, notices } = step3At("h1b-la-step3-not-booked.json", "2027-01-15T20:00:00.000Z");
    // Assess
    expect(card?.deadline?.local).toContain(SIT_BY);
    expect(notices.map((each) => each.risk)).toEqual(["STEP3_NEEDED_FOR_H1B"]);
    const notice = notices[0];
    expect(notice?.deadline).toBe(ROL_DEADLINE);
    expect(notice && reminderShownDate(notice)).toEqual(card?.deadline);
  });

  it("booked on Mon 8 Mar, before the petition's day: 'Your date Mon 8 Mar', as its ladder", () => {
    // Prepare, Act
    const { card, notices } = step3At("h1b-la-step3-booked-before-petition.json", "2027-01-22T18:00:00.000Z");
    // Assess
    expect(card?.ownDate?.local).toContain("Mon 8 Mar 2027");
    const notice = notices.find((each) => each.risk === "STEP3_NEEDED_FOR_H1B");
    expect(notice && reminderShownDate(notice)).toEqual(card?.ownDate);
    expect(notice?.countsDownTo).toBe("own-date");
  });

  it("failed, the eve of the deadline: one email item for Step 3, its two notices dated Fri 19 Mar", () => {
    // Prepare, Act
    const { planned, card, notices } = step3At("h1b-la-step3-failed.json", "2027-02-24T04:00:00.000Z");
    // Assess: both critical risks stand, each noticed on Step 3 now, both showing the card's date
    expect(notices.map((each) => each.risk)).toEqual(["STEP3_NEEDED_FOR_H1B", "SCORE_BELOW_PASSING"]);
    expect(card?.deadline?.local).toContain(SIT_BY);
    for (const notice of notices) expect(reminderShownDate(notice)).toEqual(card?.deadline);
    const text = renderReminderEmail({
      recipientName: "Amara Okafor",
      reminders: notices,
      plan: planned,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    }).text;
    const lines = text.split("\n");
    expect(lines.filter((line) => /^\d+\. /.test(line))).toEqual([
      "1. Ranking on H-1B for the 2027 Match is most likely out of reach: rank J-1 programs too",
    ]);
    const due = lines.filter((line) => line.trimStart().startsWith("Due"));
    expect(due).toHaveLength(1);
    expect(due[0]?.trim()).toMatch(/^Due: Fri 19 Mar 2027 /);
    expect(text).toContain("Also: Your exam score is below the passing score");
  });
});
