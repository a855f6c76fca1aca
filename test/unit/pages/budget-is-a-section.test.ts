import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";
import { reminderFactory } from "#test/unit/usecases/fakes.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

// Every plan listed "Plan your budget" among its next steps, although the
// budget is a section of the plan, never a step to do or a deadline. The plan
// keeps the budget's step (the not-eligible notice rides on it, its Done and Snooze work), but the
// CLI, the timeline and the email list it only as the budget section.
const now = new Date("2026-12-01T16:00:00Z");
const registered = plan(
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      visa: "none",
      graduation: "2025-06-30",
      timezone: "Asia/Kolkata",
    }),
    milestones: doneMilestones([...REGISTERED_KEYS, "ecfmg_certification", "research"], "2026-09-15"),
  }),
  seasonCalendar(2027),
  now,
);
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now,
});

describe("the budget is a section, not a next step", () => {
  it("the plan still carries the budget's step among the first three (the case this checks)", () => {
    expect(registered.nextSteps.slice(0, 3).map((step) => step.milestone)).toContain("budget");
  });

  it("the CLI lists no budget step under NEXT STEPS but keeps its BUDGET section", () => {
    const text = renderPlan(registered, "Asha");
    const next = text.slice(text.indexOf("NEXT STEPS"), text.indexOf("\nBLOCKED"));
    expect(next).not.toContain("Plan your budget");
    expect(next).not.toContain("- budget:");
    expect(text).toContain("\nBUDGET (USD)\n");
  });

  it("the timeline lists no budget step under Next steps but keeps its Budget section", () => {
    const body =
      timelinePage({
        firstName: "Asha",
        timezone: "Asia/Kolkata",
        plan: registered,
        links,
        comingReminders: [],
      }).body ?? "";
    const next = /<section aria-labelledby="next">[\s\S]*?<\/section>/.exec(body)?.[0] ?? "";
    expect(next).not.toContain("Plan your budget");
    expect(body).toContain('<h2 id="budget">Budget</h2>');
  });

  it("the email lists no budget step under its next steps", () => {
    const email = renderReminderEmail({
      recipientName: "Asha",
      reminders: [reminderFactory()],
      plan: registered,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    const steps = email.text.slice(email.text.indexOf("Your next steps:"));
    expect(email.text).toContain("Your next steps:");
    expect(steps.slice(0, steps.indexOf("\n\n"))).not.toContain("Plan your budget");
    expect(email.html).not.toContain("Plan your budget");
  });

  it("an email with a reminder about the budget still shows the budget", () => {
    const email = renderReminderEmail({
      recipientName: "Asha",
      reminders: [reminderFactory({ id: "budget:critical", milestone: "budget", title: "Plan your budget" })],
      plan: registered,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.text).toContain("Your budget:");
  });
});
