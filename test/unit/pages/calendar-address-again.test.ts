import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import { formOf } from "#pages/preferences-form.ts";
import { preferencesPage } from "#pages/preferences-page.ts";

/**
 * "Get a new calendar address" works once per link (a second POST answers
 * calendar=unchanged), and the page did not say how to get another address later.
 */
const page = (extra: Partial<Parameters<typeof preferencesPage>[0]> = {}) =>
  preferencesPage({
    form: formOf(DEFAULT_PREFERENCES),
    timezone: "Asia/Karachi",
    now: new Date("2026-12-01T12:00:00Z"),
    formAction: "/p",
    timelineUrl: "/t",
    ...extra,
  }).body ?? "";
const AGAIN =
  "Each link does this once: to do it again later, use the preferences link in a newer Matchpath email.";

describe("how to get a new calendar address again", () => {
  it("is said beside the button, before any tap", () => {
    const body = page();
    expect(body).toContain(AGAIN);
    expect(body.indexOf(AGAIN)).toBeGreaterThan(body.indexOf("<h2>Calendar address</h2>"));
  });

  it("is said when the address was just replaced, so a second mistake has a way out", () => {
    const body = page({ newFeedUrl: "webcal://example.org/feed" });
    expect(body).toContain("Your calendar has a new address");
    expect(body).toMatch(
      /If this address is shared by mistake too, use the preferences link in a newer Matchpath email/,
    );
  });

  it("points the repeated tap to a newer email, not back to this one", () => {
    const body = page({ newFeedUrl: "webcal://example.org/feed", newFeedRepeated: true });
    expect(body).toContain("This link already gave you a new calendar address, so nothing changed.");
    expect(body).toContain("For another new address, use the preferences link in a newer Matchpath email.");
  });
});
