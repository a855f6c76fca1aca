import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { planFactory, profileFactory, reminderFactory, stepFactory } from "#test/unit/usecases/fakes.ts";
import { withoutSentReminders } from "#usecases/sent-reminders.ts";

/**
 * After a snooze the timeline showed the same step with Snooze offered again, and
 * near a deadline it offered a snooze when only the last reminder was left to send.
 */
describe("snoozes on the timeline", () => {
  const now = "2026-06-01T08:00:00.000Z";
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now: new Date(now),
  });
  const step = stepFactory({ milestone: "personal_statement", title: "Write your personal statement" });
  const rung = (id: string, sendAt: string) =>
    reminderFactory({ id, milestone: "personal_statement", sendAt, deadline: "2026-07-01T03:59:00.000Z" });
  const reminders = [rung("r1", "2026-06-02T08:00:00.000Z"), rung("r2", "2026-06-20T08:00:00.000Z")];
  const plan = planFactory({ now, nextSteps: [step], reminders });
  const page = (snoozedUntil?: Map<string, string>) =>
    timelinePage({
      firstName: "Ada",
      timezone: "Africa/Lagos",
      links,
      plan,
      comingReminders: reminders,
      ...(snoozedUntil ? { snoozedUntil } : {}),
    }).body ?? "";

  it("shows a snoozed step as snoozed, until when, and offers no snooze that would shorten it", () => {
    expect(page()).toContain(">Snooze<");
    const snoozed = page(new Map([["personal_statement", "2026-06-08"]]));
    expect(snoozed).toContain(
      '<span class="tag">Snoozed</span> until Mon 8 Jun 2026: no reminder about it before then, except the last one before its deadline and any critical notice.',
    );
    expect(snoozed).not.toContain(">Snooze<");
    expect(snoozed).toContain(">Done<");
  });

  it("offers no snooze once every rung but the last was sent (a sent rung re-timed ahead does not count)", () => {
    expect(actionsFor(step, plan, "Africa/Lagos", [])).toContain("snooze");
    const state = {
      profile: profileFactory(),
      milestones: [],
      interviews: [],
      ledger: [{ reminderId: "r1", status: "sent" as const, claimedAt: now, sentAt: now }],
    };
    expect(
      actionsFor(step, withoutSentReminders(plan, state), "Africa/Lagos", state.milestones),
    ).not.toContain("snooze");
  });
});

describe("risks on the timeline", () => {
  it("show the plain sentence, and the provenance folded under it", () => {
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "a_ada",
      feedGeneration: 0,
      now: new Date("2026-06-01T08:00:00Z"),
    });
    const html =
      timelinePage({
        firstName: "Ada",
        timezone: "Africa/Lagos",
        links,
        plan: planFactory({
          risks: [
            {
              code: "NRMP_LATE_FEE",
              severity: "warning",
              message: "Register for the Match by Thu 28 Jan 2027 (projected) to avoid the late fee.",
              milestones: ["nrmp_registration"],
              sources: ["Projected from the 2025 and 2026 seasons: https://www.nrmp.org/dates"],
            },
          ],
        }),
        comingReminders: [],
      }).body ?? "";
    expect(html).toContain(
      "<p><strong>Warning:</strong> Register for the Match by Thu 28 Jan 2027 (projected) to avoid the late fee.</p><details><summary>Where these dates come from</summary><ul><li>Projected from the 2025 and 2026 seasons: https://www.nrmp.org/dates</li></ul></details>",
    );
  });
});
