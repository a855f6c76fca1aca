import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES, PreferencesSchema } from "#domain/preferences.ts";
import { deliveryMinute, fromWall, isoInZone } from "#domain/time.ts";
import { formOf } from "#pages/preferences-form.ts";
import { preferencesPage } from "#pages/preferences-page.ts";

describe("a delivery time the clocks skip", () => {
  it("is sent when the clock has moved on (Luxon's forward rule): 02:30 New York on 14 Mar 2027 is 03:30 EDT", () => {
    const preferences = PreferencesSchema.parse({
      deliveryTime: "02:30",
      quietHours: { start: "23:00", end: "23:00" },
    });
    const minute = deliveryMinute(preferences.deliveryTime, { start: 23 * 60, end: 23 * 60 });
    expect(minute).toBe(150);
    const wall = Date.UTC(2027, 2, 14) + minute * 60_000;
    expect(isoInZone("America/New_York", fromWall("America/New_York", wall))).toBe(
      "2027-03-14T03:30:00.000-04:00",
    );
  });

  it("is explained on the preferences page beside the delivery time", () => {
    const page = preferencesPage({
      form: formOf(DEFAULT_PREFERENCES),
      timezone: "America/New_York",
      now: new Date("2026-12-01T12:00:00Z"),
      formAction: "/p",
      timelineUrl: "/t",
    });
    // The applicant's own next change and the chosen time's fate, not a
    // generic 02:30 example.
    expect(page.body).toContain(
      "On a night the clocks go forward, a time they skip does not exist. In America/New_York the next such night is Sun 14 Mar 2027: the clocks go forward from 02:00 to 03:00. Your delivery time, 09:00, is not affected.",
    );
  });
});

describe("quiet hours on the preferences page", () => {
  it("state their one exception, as the planner applies it, instead of an absolute promise", () => {
    const body =
      preferencesPage({
        form: formOf(DEFAULT_PREFERENCES),
        timezone: "Africa/Lagos",
        now: new Date("2026-12-01T12:00:00Z"),
        formAction: "/p",
        timelineUrl: "/t",
      }).body ?? "";
    expect(body).toContain(
      "No email starts in your quiet hours, with one exception: a reminder that cannot wait for them to end without reaching its deadline is sent during them.",
    );
    expect(body).not.toContain("No email starts in your quiet hours.</p>");
  });
});

describe("what is always sent, on the preferences page", () => {
  it("names the last reminder before the Pathway and Step 2 CK deadlines, not only the last 72 hours", () => {
    const body =
      preferencesPage({
        form: formOf(DEFAULT_PREFERENCES),
        timezone: "Asia/Karachi",
        now: new Date("2026-12-01T12:00:00Z"),
        formAction: "/p",
        timelineUrl: "/t",
      }).body ?? "";
    expect(body).toContain(
      "Critical deadlines are always sent</strong>, even in a category you turn off: the last reminder before each hard deadline tied to a date ECFMG, ERAS or the NRMP sets, or to the residency start date (such as Step 1 and Step 2 CK, the ECFMG Pathway,",
    );
  });

  it("names OET Medicine among them, whose result goes in with the Pathway", () => {
    const body =
      preferencesPage({
        form: formOf(DEFAULT_PREFERENCES),
        timezone: "Asia/Karachi",
        now: new Date("2026-12-01T12:00:00Z"),
        formAction: "/p",
        timelineUrl: "/t",
      }).body ?? "";
    expect(body).toContain(
      "and before the deadline of each step one of those cannot go in without (OET Medicine, whose result goes in with the Pathway application;",
    );
  });
});
