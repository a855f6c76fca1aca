import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { reminderSubject } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * Kwame (Accra) ranked on H-1B for the 2027 Match, certificate in hand, Step 3 not started: the
 * H-1B for his start date is likely out of reach (VISA_NOT_READY_FOR_START). Before he tells us he
 * matched, the notice's subject is as conditional as the risk ("If you match …", then "If you
 * matched …") and asks what the risk asks then; "Your visa steps are behind" would say he matched.
 */
const calendar = seasonCalendar(2027);
const kwame = (matchDay: boolean) => {
  const input = matched2027("Africa/Accra", {
    visa: "H-1B",
    matchDay,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-10-20"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const noticeAt = (matchDay: boolean, now: string) => {
  const result = plan(kwame(matchDay), calendar, new Date(now));
  const notices = result.reminders.filter((r) => r.risk === "VISA_NOT_READY_FOR_START");
  expect(notices).toHaveLength(1);
  return { notice: notices[0], subject: reminderSubject(notices, result) };
};

describe("the visa notice's title for each Match outcome", () => {
  it("Match Day ahead: if you match, ask that program on Match Day", () => {
    const { notice, subject } = noticeAt(false, "2027-03-08T09:00:00Z");
    expect(notice?.title).toBe(
      "If you match with an H-1B program, the H-1B likely cannot be ready by your start: on Match Day, ask that program about a later start or a J-1",
    );
    // On Step 3's card with no date, a notice with no date: its title says when (on Match Day), and
    // no "due" gives Match Day's release as Step 3's day, nor the Step 3 day it calls out of reach.
    expect(subject).toBe(notice?.title);
  });

  it("Match Day past and untold: if you matched, ask that program today", () => {
    const { notice, subject } = noticeAt(false, "2027-03-23T09:00:00Z");
    expect(notice?.title).toBe(
      "If you matched with an H-1B program, the H-1B likely cannot be ready by your start: ask that program today about a later start or a J-1",
    );
    // The whole subject is kept: none of it is cut.
    expect(subject).not.toContain("…");
  });

  it("matched: the visa steps are behind", () => {
    expect(noticeAt(true, "2027-03-23T09:00:00Z").notice?.title).toBe(
      "Your visa steps are behind: you cannot start residency without the visa",
    );
  });
});
