import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * On H-1B, Step 3 not started, after ranking: its last sitting day for the petition is one local
 * day in the applicant's zone, named the same in the card's text, the reminder titles, the deadline
 * column and the countdown (it said "sit it by Tue 20 Apr" beside a deadline of Mon 19 Apr). Amara
 * lives in San Juan (UTC-4, east of ET before 14 Mar), Rafael in Honolulu (UTC-10): both sides of ET,
 * both in the US, where the card gives a day to sit by while FSMB's processing and a seat still fit
 * before it (abroad, the visitor visa's wait puts that day out of reach after ranking, and the card
 * says so instead). The petition is due 60 days before the stamping, so that day is Match Day (Fri
 * 19 Mar 2027); on Thu 25 Feb, the morning after the rank order list deadline (Wed 24 Feb,
 * projected), about 14 days of FSMB processing and 7 to a seat still reach it.
 */
const calendar = seasonCalendar(2027);
const ranked = (timezone: string) => {
  const input = matched2027(timezone, {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  return {
    ...input,
    milestones: input.milestones.filter((entry) => !["match_week", "soap"].includes(entry.key)),
  };
};
const dayText = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-US", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
const ddmm = (text: string): string => {
  const [weekday, month, day, year] = text.replace(/,/g, "").split(" ");
  return `${weekday} ${day} ${month} ${year}`;
};

describe.each([
  ["America/Puerto_Rico", "2027-02-25T14:00:00Z"],
  ["Pacific/Honolulu", "2027-02-25T20:00:00Z"],
])("Step 3 after ranking on H-1B in %s: one day everywhere", (zone, now) => {
  const result: Plan = plan(ranked(zone), calendar, new Date(now));
  const card = result.nextSteps.find((step) => step.milestone === "usmle_step3");
  const day = card?.deadline?.day ?? "";
  const named = ddmm(dayText(day));

  it("the deadline is that whole local day: it ends at the applicant's next midnight", () => {
    expect(card?.deadline?.precision).toBe("day");
    const end = Date.parse(card?.dueBy ?? "");
    const local = (at: number) => new Date(at).toLocaleDateString("en-CA", { timeZone: zone });
    expect(local(end - 1)).toBe(day);
    expect(local(end)).not.toBe(day);
  });

  it("the card's text names the deadline's day, never the next", () => {
    expect(card?.action).toContain(`sit by ${named}`);
    for (const [, said] of card?.action.matchAll(/sit (?:it |Step 3 )?by (\w{3} \d+ \w{3} \d{4})/g) ?? [])
      expect(said).toBe(named);
  });

  it("the reminder titles name the same day and the countdown ends on it", () => {
    const step3 = result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
    const titled = step3.filter((reminder) => reminder.title.includes("sit it by"));
    expect(titled.length).toBeGreaterThan(0);
    for (const reminder of titled) expect(reminder.title).toContain(`sit it by ${named}`);
    const last = step3.find((reminder) => reminder.rung === "due-in-1d");
    if (last !== undefined) {
      const sent = new Date(last.sendAt).toLocaleDateString("en-CA", { timeZone: zone });
      expect(sent < day).toBe(true);
    }
  });
});

describe("a Step 3 booked too late names its day as a day", () => {
  it("says 'Step 3 on Tue 2 Feb 2027', never the ISO date", () => {
    const input = matched2027("Africa/Accra", {
      visa: "H-1B",
      matchDay: false,
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
        milestoneFactory("usmle_step3", "scheduled", "2027-02-02"),
      ],
    });
    const before = {
      ...input,
      milestones: input.milestones.filter(
        (entry) => !["rank_order_list", "match_week", "soap"].includes(entry.key),
      ),
    };
    const risk = plan(before, calendar, new Date("2027-01-10T10:00:00Z")).risks.find(
      (candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B",
    );
    expect(risk?.message).toContain("Step 3 on Tue 2 Feb 2027");
    expect(risk?.message).not.toContain("2027-02-02");
  });
});
