import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import { formOf } from "#pages/preferences-form.ts";
import { preferencesPage } from "#pages/preferences-page.ts";

/** What the page promises beside the weekly summary: what still comes on its own day (breaksThroughSummary). */
describe("the weekly summary on the preferences page", () => {
  it("says what still comes on its own day: anything due within 72 hours, and critical notices the day they are raised", () => {
    const page = preferencesPage({
      form: formOf(DEFAULT_PREFERENCES),
      timezone: "Africa/Nairobi",
      now: new Date("2027-04-13T06:00:00Z"),
      formAction: "/p",
      timelineUrl: "/t",
    });
    expect(page.body).toContain(
      "With the weekly summary, anything due within 72 hours is still sent on time, and so are critical notices (the day your plan raises them) and the countdown to a last day that keeps your Match or your start.",
    );
  });
});
