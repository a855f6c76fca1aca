import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, doneMilestones, inputFactory } from "#test/unit/domain/factories.ts";

/**
 * A button appears only when it can be true: FSMB registers no one for Step 1 or Step 2 CK before
 * ECFMG approves the Application for Certification, as the exams' cards say while it is pending,
 * so neither exam offers "Scheduled for…" until the application is done, in the email and on the
 * timeline (one rule, actionsFor). The OET, booked with OET itself, has no such prerequisite.
 * Tamar: Tbilisi, 2028 Match, graduated June 2026, only the WDOMS check done.
 */
const zone = "Asia/Tbilisi";
const now = new Date("2026-12-07T06:00:00Z");
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now,
});
const EXAMS = ["usmle_step1", "usmle_step2ck"] as const;

function at(milestones: MilestoneEntry[]) {
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028, graduation: "2026-06-30", timezone: zone }),
    milestones,
  });
  const planned = plan(input, seasonCalendar(2028), now);
  const first = planned.reminders.filter((each) => each.sendAt === planned.reminders[0]?.sendAt);
  const email = renderReminderEmail({
    recipientName: "Tamar Beridze",
    reminders: first,
    plan: planned,
    links,
    timezone: zone,
    milestones,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
  const timeline =
    timelinePage({
      firstName: "Tamar",
      timezone: zone,
      plan: planned,
      links,
      comingReminders: [],
      milestones,
    }).body ?? "";
  return { planned, email, timeline };
}

const html = (url: string) => `href="${url.replaceAll("&", "&amp;")}"`;

describe("Scheduled for… only on an exam that can be booked", () => {
  it("the ECFMG application pending: Step 1 and Step 2 CK offer no Scheduled for…, in the email or on the timeline", () => {
    const milestones = doneMilestones(["wdoms_listing"], "2026-11-20");
    const { planned, email, timeline } = at(milestones);
    for (const exam of EXAMS) {
      const step = planned.nextSteps.find((each) => each.milestone === exam);
      expect(step?.action).toMatch(/once ECFMG approves your Application for ECFMG Certification/);
      expect(actionsFor({ milestone: exam }, planned, zone, milestones)).not.toContain("schedule");
      const url = links.action(exam, "schedule");
      expect(email.text).not.toContain(url);
      expect(email.html).not.toContain(html(url));
      expect(timeline).not.toContain(html(url));
    }
    // Listed, with its buttons, under the email's next steps: Done stays.
    expect(email.text).toContain(`Done: ${links.action("usmle_step1", "done")}`);
    expect(actionsFor({ milestone: "oet_medicine" }, planned, zone, milestones)).toContain("schedule");
  });

  it("the ECFMG application done: both exams offer Scheduled for… again", () => {
    const milestones = doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-11-20");
    const { planned, timeline } = at(milestones);
    for (const exam of EXAMS) {
      expect(actionsFor({ milestone: exam }, planned, zone, milestones)).toContain("schedule");
      expect(timeline).toContain(html(links.action(exam, "schedule")));
    }
  });
});
