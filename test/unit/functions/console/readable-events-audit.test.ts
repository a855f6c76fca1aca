import { describe, expect, it } from "vitest";
import { stepName } from "#domain/console/advisor-voice.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { RISK_TITLES } from "#usecases/escalation.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * The Domain events and Audit tables in words: they showed the raw JSON,
 * `{"reminders":[{"id":"r-ce0d…",…}]}` and `&quot;`-escaped before/after. Each row now says what
 * happened in a short line; the JSON stays in a collapsed details element.
 */
function view(): ApplicantView {
  const ledger = [
    {
      reminderId: "r-1f3603ccc453f73a",
      status: "sent" as const,
      claimedAt: "2026-09-20T08:00:00.000Z",
      sentAt: "2026-09-20T08:00:00.000Z",
      messageId: "m-1",
      subject: {
        milestone: "usmle_step2ck",
        rung: "due-in-14d",
        title: "Take USMLE Step 2 CK",
        matchYear: 2027,
      },
    },
  ];
  const state = { profile: profileFactory(), milestones: [], interviews: [], ledger };
  const plan = domainPlanning.plan(state, new Date("2026-10-01T12:00:00Z"));
  const events = [
    {
      type: "RemindersCancelled",
      at: "2026-09-30T08:00:00.000Z",
      detail: JSON.stringify({
        reminders: [{ id: "r-ce0d1", milestone: "usmle_step2ck", rung: "due-in-14d", reason: "date-moved" }],
      }),
    },
    {
      type: "PlanChanged",
      at: "2026-09-30T07:00:00.000Z",
      detail: JSON.stringify({ planHash: "abc", nextDueAt: null, riskCodes: ["ERAS_LATE_SUBMISSION"] }),
    },
    {
      type: "MilestoneOverdue",
      at: "2026-09-29T07:00:00.000Z",
      detail: JSON.stringify({ milestones: ["eras_application"] }),
    },
  ];
  const audit = [
    {
      at: "2026-09-30T09:00:00.000Z",
      actor: "grace@advisors.example",
      role: "advisor" as const,
      action: "milestone.mark",
      applicantId: "a_ada",
      before: [{ key: "usce", status: "in_progress" }],
      after: [{ key: "usce", status: "done", date: "2026-09-30" }],
    },
    {
      at: "2026-09-30T10:00:00.000Z",
      actor: "grace@advisors.example",
      role: "advisor" as const,
      action: "reminders.pause",
      applicantId: "a_ada",
      before: { remindersPausedAt: null },
      after: { remindersPausedAt: "2026-09-30T10:00:00.000Z" },
    },
    {
      at: "2026-09-30T11:00:00.000Z",
      actor: "grace@advisors.example",
      role: "advisor" as const,
      action: "what-if.save",
      applicantId: "a_ada",
      before: { milestones: [], interviews: [], track: { visa: "J-1", matchYear: 2027 } },
      after: {
        type: "milestone.update",
        submissionId: "console-what-if-f63b0c2a",
        applicant: { externalId: "demo-ada" },
        milestones: [],
        track: { matchYear: 2028 },
      },
    },
    {
      at: "2026-09-30T12:00:00.000Z",
      actor: "grace@advisors.example",
      role: "advisor" as const,
      action: "notice.resend",
      applicantId: "a_ada",
      before: { messageId: "m-1" },
      after: { messageId: "m-2", reminderIds: ["r-1f3603ccc453f73a", "r-unknown"] },
    },
  ];
  return { state, plan, audit, submissions: [], events };
}

/** A table's HTML with its collapsed details taken out: what an advisor reads at first. */
function readable(html: string, heading: string): string {
  const start = html.indexOf(`id="${heading}"`);
  const table = html.slice(start, html.indexOf("</table>", start));
  return table.replace(/<details[\s\S]*?<\/details>/g, "");
}

describe("the applicant page's events and audit", () => {
  const html = applicantFragment(view(), "2026-10-01");

  it("say what each event was, with the JSON collapsed", () => {
    const events = readable(html, "events");
    expect(events).not.toContain("{");
    expect(events).toContain(`${stepName("usmle_step2ck")} (due-in-14d)`);
    expect(events).toContain("the date moved");
    expect(events).toContain(RISK_TITLES.ERAS_LATE_SUBMISSION);
    expect(events).toContain(`newly overdue: ${stepName("eras_application")}`);
    expect(html).toContain("<details><summary>JSON</summary><code>{&quot;reminders&quot;");
  });

  it("say what each console action changed, from → to, with the JSON collapsed", () => {
    const audit = readable(html, "audit");
    expect(audit).not.toContain("&quot;");
    expect(audit).toContain(`${stepName("usce")}: in progress → done 2026-09-30`);
    expect(audit).toMatch(/reminders paused: — → <time/);
  });

  it("name a saved what-if's change and a resend's steps and rungs, never ids or JSON", () => {
    const audit = readable(html, "audit");
    expect(audit).toContain("Match year: 2027 → 2028");
    expect(audit).not.toContain("submissionId");
    expect(audit).not.toContain("console-what-if-");
    expect(audit).not.toContain("externalId");
    expect(audit).not.toContain("interviews: [] →");
    expect(audit).toContain(
      `resent: ${stepName("usmle_step2ck")} (due-in-14d); a reminder no longer planned`,
    );
    expect(audit).not.toContain("r-1f3603ccc453f73a");
    expect(audit).not.toContain("[");
    // The ids stay in the collapsed JSON.
    expect(html).toContain("r-1f3603ccc453f73a");
  });
});
