import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { nothingToSnoozeText, snoozeOptions } from "#domain/snoozes.ts";
import { applicantFactory, milestoneFactory } from "./factories.ts";

/**
 * Snooze was offered on letters of recommendation whose next reminder was
 * three months away, and "recorded" a 7-day snooze that silenced nothing. A snooze length is offered
 * only when a reminder it would silence falls within it; with none, Snooze is not offered at all.
 */
describe("Snooze only where it silences a reminder", () => {
  const zone = "Asia/Kolkata";
  const applicant = applicantFactory({ matchYear: 2027, timezone: zone });
  const planAt = (instant: string) =>
    plan(
      {
        applicant,
        milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")],
        interviews: [],
      },
      seasonCalendar(2027),
      new Date(instant),
    );

  it("offers no Snooze on a step whose next reminder is weeks away, and says when it comes", () => {
    const june = planAt("2026-06-01T00:00:00Z");
    const lors = june.reminders.filter((reminder) => reminder.milestone === "lors");
    expect(lors[0]?.sendAt.slice(0, 10)).toBe("2026-07-04");
    expect(snoozeOptions(june, "lors", "2026-06-01", zone)).toEqual([]);
    expect(actionsFor({ milestone: "lors" }, june, zone, [])).not.toContain("snooze");
    expect(nothingToSnoozeText(june, "lors", zone, "Letters of recommendation uploaded")).toBe(
      "Nothing to snooze: no reminder about “Letters of recommendation uploaded” is due before Mon 8 Jun 2026; the next one comes on Sat 4 Jul 2026",
    );
  });

  it("offers only the lengths that reach the next reminder", () => {
    // OET's next reminder is on 13 Jun: 5 days after 8 Jun, so only the 7-day snooze silences it.
    const week = planAt("2026-06-08T00:00:00Z");
    expect(snoozeOptions(week, "oet_medicine", "2026-06-08", zone).map((option) => option.days)).toEqual([7]);
    expect(actionsFor({ milestone: "oet_medicine" }, week, zone, [])).toContain("snooze");
    expect(nothingToSnoozeText(week, "oet_medicine", zone, "OET Medicine", 2)).toBe(
      "Nothing to snooze in 2 days: no reminder about “OET Medicine” is due before Wed 10 Jun 2026; the next one comes on Sat 13 Jun 2026",
    );
  });

  it("keeps every length when a reminder is due within the shortest", () => {
    const june = planAt("2026-06-01T00:00:00Z");
    expect(snoozeOptions(june, "usmle_step1", "2026-06-01", zone).map((option) => option.days)).toEqual([
      2, 4, 7,
    ]);
  });
});

describe("Nothing to snooze names the day the longest snooze would end", () => {
  const zone = "Asia/Kolkata";
  const applicant = applicantFactory({ matchYear: 2027, timezone: zone });

  it("does not deny a reminder less than 7×24 hours away that a 7-day snooze would not silence", () => {
    // Noon on Sat 6 Jun: OET's next reminder is at 9:00 AM on Sat 13 Jun, 6 days 21 hours away. A
    // 7-day snooze ends when 13 Jun begins, so it silences nothing, and the words say so by its day.
    const saturday = plan(
      {
        applicant,
        milestones: [milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")],
        interviews: [],
      },
      seasonCalendar(2027),
      new Date("2026-06-06T12:00:00+05:30"),
    );
    const next = saturday.reminders.find((reminder) => reminder.milestone === "oet_medicine");
    expect(next?.sendAtLocal.slice(0, 16)).toBe("2026-06-13T09:00");
    expect(snoozeOptions(saturday, "oet_medicine", "2026-06-06", zone)).toEqual([]);
    expect(nothingToSnoozeText(saturday, "oet_medicine", zone, "OET Medicine")).toBe(
      "Nothing to snooze: no reminder about “OET Medicine” is due before Sat 13 Jun 2026; the next one comes on Sat 13 Jun 2026",
    );
  });
});
