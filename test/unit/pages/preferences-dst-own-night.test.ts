import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import { formOf } from "#pages/preferences-form.ts";
import { preferencesPage } from "#pages/preferences-page.ts";

/**
 * Omar (Africa/Cairo, clocks forward 00:00 → 01:00 on the last Friday of
 * April) saved a delivery time of 00:30 and read "a time they skip (such as 02:30) … comes when the
 * clock has moved on (03:30 …)": a US/EU night, not his, and his own 00:30 is the skipped time. The
 * note names the applicant's own next change and says whether the chosen time is affected.
 */
function page(timezone: string, deliveryTime: string): string {
  return (
    preferencesPage({
      form: formOf({ ...DEFAULT_PREFERENCES, deliveryTime }),
      timezone,
      now: new Date("2026-12-01T12:00:00Z"),
      formAction: "/p",
      timelineUrl: "/t",
    }).body ?? ""
  );
}

describe("the skipped-time note names the applicant's own next change", () => {
  it("Cairo, 00:30: the night of Fri 30 Apr 2027 skips 00:00 to 01:00, and that day's email comes at 01:30", () => {
    const body = page("Africa/Cairo", "00:30");
    expect(body).toContain("Fri 30 Apr 2027");
    expect(body).toContain("from 00:00 to 01:00");
    expect(body).toContain(
      "Your delivery time, 00:30, is skipped that night: that day's email comes at 01:30",
    );
    expect(body).not.toContain("02:30");
  });

  it("New York, 09:00: Sun 14 Mar 2027 skips 02:00 to 03:00, and 09:00 is not affected", () => {
    const body = page("America/New_York", "09:00");
    expect(body).toContain("Sun 14 Mar 2027");
    expect(body).toContain("from 02:00 to 03:00");
    expect(body).toContain("Your delivery time, 09:00, is not affected.");
  });

  it("says nothing in a zone without such a night", () => {
    expect(page("Asia/Karachi", "00:30")).not.toContain("clocks go forward");
  });
});
