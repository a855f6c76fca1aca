import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * An advice date that means a day (the contract: "14 days from Match Day", Fri 2 Apr 2027) is that
 * day where the applicant is, due until it ends there: in Tokyo Fri 2 Apr ends at 15:00 UTC, while
 * ET still has 13 hours of it, and the Saturday-morning weekly question read "Answer by Fri 2 Apr"
 * there. West of ET (Honolulu) it ends six hours after ET's midnight: still Fri 2 Apr there.
 * Kenji: Tokyo, H-1B; Lucia: Honolulu, J-1; both matched (Match Week done), Match Day not yet told.
 */
const snapshotOf = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../fixtures/advice-day-end/${name}`, import.meta.url)), "utf8"),
    ),
  );
const kenji = snapshotOf("matched-tokyo.json");
const lucia = snapshotOf("matched-honolulu.json");
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(2027), new Date(now));

/** The end of Fri 2 Apr 2027 in Tokyo (UTC+9) and in New York (EDT, UTC-4). */
const TOKYO_END = "2027-04-02T15:00:00.000Z";
const HONOLULU_END = "2027-04-03T10:00:00.000Z";

const contractOf = (planned: Plan) =>
  [...planned.nextSteps, ...planned.blocked, ...planned.overdue].find(
    (step) => step.milestone === "contract",
  );

/** Reminders that ask for Fri 2 Apr as a date still ahead ("Due", "Answer by"), not as missed. */
const askingForFri2Apr = (planned: Plan) =>
  planned.reminders.filter(
    (reminder) => reminder.deadlineDetail.day === "2027-04-02" && reminder.overdueSince === undefined,
  );

describe("an advice day ends where the applicant is", () => {
  it("east of ET: the contract's Fri 2 Apr ends at Tokyo's midnight, shown as the same day", () => {
    const contract = contractOf(planAt(kenji, "2027-03-29T10:00:00+09:00"));
    expect(contract?.deadline?.at).toBe(TOKYO_END);
    expect(contract?.deadline).toMatchObject({
      local: "Fri 2 Apr 2027",
      et: "Fri 2 Apr 2027",
      day: "2027-04-02",
    });
  });

  it("east of ET: no reminder asking for Fri 2 Apr goes out once that day is over in Tokyo", () => {
    const planned = planAt(kenji, "2027-03-29T10:00:00+09:00");
    expect(askingForFri2Apr(planned).length).toBeGreaterThan(0);
    for (const reminder of askingForFri2Apr(planned))
      expect(Date.parse(reminder.sendAt), reminder.rung).toBeLessThan(Date.parse(TOKYO_END));
    // Sat 3 Apr, 9:00 AM in Tokyo is still Fri 2 Apr in ET (8:00 PM): the day has passed for Kenji.
    const saturday = planAt(kenji, "2027-04-03T09:00:00+09:00");
    expect(askingForFri2Apr(saturday)).toEqual([]);
    // Where Match Day's weekly question read "Answer by Fri 2 Apr 2027", its notice says it passed;
    // the question runs on weekly until she answers, so next Saturday's is laid too and says the same.
    const matchDay = saturday.reminders.filter((reminder) => reminder.milestone === "match_day");
    expect(matchDay.map((reminder) => [reminder.sendAt, reminder.overdueSince?.local])).toEqual([
      ["2027-04-03T00:00:00.000Z", "Fri 2 Apr 2027"],
      ["2027-04-10T00:00:00.000Z", "Fri 2 Apr 2027"],
    ]);
  });

  it("west of ET: the day ends at Honolulu's midnight, after ET's", () => {
    const contract = contractOf(planAt(lucia, "2027-03-29T10:00:00-10:00"));
    expect(contract?.deadline?.at).toBe(HONOLULU_END);
    expect(contract?.deadline?.local).toBe("Fri 2 Apr 2027");
  });
});
