import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REMINDER_DATE_LABELS, reminderDateLabel } from "#domain/date-words.ts";
import { CERTIFICATE_ASKED_RUNG } from "#domain/planner/certificate-question.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Maria Reyes, Manila, J-1, matched (Match Day done), every exam and the Pathway done, the
 * certificate not reported. Its question ("has ECFMG issued it?") counts down to the day the J-1
 * sponsorship needs it, Mon 5 Apr 2027, the card's target: one email read "Due: Mon 5 Apr 2027"
 * on the question and "aim to finish by Mon 5 Apr 2027, target, not a deadline; due Wed 16 Jun" on
 * the card beside it. The question says the target's words, as the card does.
 */
const DIR = fileURLToPath(new URL("../../fixtures/certificate-asked-target/", import.meta.url));
const maria = readSnapshot(DIR, "matched-j1-manila.json");

describe("the certificate question counting down to the J-1 sponsorship's day", () => {
  it("is labelled as the card's target, never a second Due", () => {
    const result = planInOwnMatch(maria, "2027-03-22T02:00:00Z");
    const target = result.nextSteps.find((step) => step.milestone === "ecfmg_certification")?.target;
    expect(target?.local).toBe("Mon 5 Apr 2027");
    const asked = result.reminders.filter(
      (reminder) => reminder.rung === CERTIFICATE_ASKED_RUNG && reminder.deadline === target?.at,
    );
    expect(asked.length).toBeGreaterThan(0);
    for (const reminder of asked) expect(reminderDateLabel(reminder)).toBe(REMINDER_DATE_LABELS.target);
  });
});
