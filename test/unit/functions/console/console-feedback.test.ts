import { describe, expect, it } from "vitest";
import { planDiff } from "#domain/console/what-if.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";
import { pauseNotice, resendNotice } from "../../../../functions/console/pages/notices.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/** The console says what each action did, in plain words. */
describe("the console's feedback lines", () => {
  it("a first pause and a first resume each say what happened, as a repeated one does", () => {
    for (const paused of [true, false]) {
      const changed = pauseNotice(paused, "changed");
      expect(changed, String(paused)).toMatch(paused ? /^Paused reminders/ : /^Resumed reminders/);
      expect(changed).toContain("recorded as yours");
      expect(pauseNotice(paused, "unchanged")).toContain("nothing changed or recorded");
    }
  });

  it("a resend counts its reminders in singular or plural, never 'reminder(s)'", () => {
    expect(
      resendNotice({ outcome: "resent", messageId: "m", resentMessageId: "o", reminderIds: ["r-1"] }),
    ).toBe("Resent the latest notice (1 reminder).");
    expect(
      resendNotice({ outcome: "resent", messageId: "m", resentMessageId: "o", reminderIds: ["r-1", "r-2"] }),
    ).toBe("Resent the latest notice (2 reminders).");
    expect(resendNotice({ outcome: "already-resent", resentMessageId: "o" })).toBe(
      "That notice was resent already; it is not sent twice.",
    );
    expect(resendNotice({ outcome: "refused", reason: "nothing it held is still ahead" })).toBe(
      "Not resent: nothing it held is still ahead.",
    );
  });

  const state = {
    profile: profileFactory(),
    milestones: examsDone("2025-06-01"),
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, new Date("2026-12-01T12:00:00Z"));

  it("the what-if's Reminders line says 'none scheduled' when a plan has no next reminder", () => {
    const none = { ...plan, reminders: [] };
    const html = whatIfResultFragment(
      "a_x",
      {
        before: none,
        after: plan,
        diff: planDiff(none, plan),
        saveId: "console-what-if-x",
        basedOn: "basis",
        saveProblems: [],
        warnings: [],
      },
      "[]",
    );
    const line = html.slice(html.indexOf("<h3>Reminders</h3>"), html.indexOf("<h3>Budget</h3>"));
    expect(line).toContain("next none scheduled → ");
    expect(line).not.toContain("no deadline");
  });

  it("the notice ledger's last column is named for what it holds: the SES message id, or why not sent", () => {
    const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
    const html = applicantFragment(view, "2026-12-01");
    expect(html).toContain('<th scope="col">SES message id, or why not sent</th>');
    expect(html).not.toContain('<th scope="col">SES message</th>');
  });
});
