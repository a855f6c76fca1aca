import { describe, expect, it } from "vitest";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * A console resend goes out at once, at 1:07 AM in the applicant's zone
 * if that is the hour, while reminders keep to their delivery time and quiet hours; the console did
 * not say so. The button's confirmation and the note beside it say it is sent now and what time it
 * is for the applicant.
 */
describe("Resend the latest notice says it goes now, at their hour", () => {
  const state = {
    profile: profileFactory({ timezone: "Europe/London", fullName: "Chiamaka Okafor" }),
    milestones: [],
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, new Date("2027-03-30T00:07:00Z"));
  const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
  const html = applicantFragment(view, "2027-03-30");
  const form = html.slice(html.indexOf('/resend"'), html.indexOf("</form>", html.indexOf('/resend"')));

  it("the confirmation says it is sent now, 1:07 AM their time", () => {
    const confirm = /hx-confirm="([^"]*)"/.exec(form)?.[1] ?? "";
    expect(confirm).toMatch(/sent now/i);
    expect(confirm).toContain("1:07 AM");
    expect(confirm).toContain("their time");
  });

  it("the button's note says so without opening the dialog", () => {
    expect(html).toMatch(
      /Resend the latest notice<\/button><\/form>\s*<span class="muted">[^<]*sent now[^<]*1:07 AM[^<]*their time/,
    );
  });
});
