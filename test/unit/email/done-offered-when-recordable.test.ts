import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
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
  milestoneFactory,
} from "#test/unit/domain/factories.ts";

// A Done before the booked exam day is refused (bookedDayAhead), yet
// the reminder sent 14 days before Step 2 CK put Done first, and so did the timeline. While the
// booked day is ahead on the applicant's day, neither offers Done; from that day on, both do.
const milestones = [
  ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-05-01"),
  milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20"),
];
const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30", timezone: "Asia/Kolkata" }),
  milestones,
});
const zone = input.applicant.timezone;
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now: new Date("2026-08-06T06:00:00Z"),
});
const doneUrl = links.action("usmle_step2ck", "done");
const scheduleUrl = links.action("usmle_step2ck", "schedule");

function at(now: string) {
  const planned = plan(input, seasonCalendar(2027), new Date(now));
  const reminder = planned.reminders.find((each) => each.milestone === "usmle_step2ck");
  if (reminder === undefined) throw new Error("the scenario has no Step 2 CK reminder");
  const email = renderReminderEmail({
    recipientName: "Asha Rao",
    reminders: [reminder],
    plan: planned,
    links,
    timezone: zone,
    milestones,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
  const timeline =
    timelinePage({
      firstName: "Asha",
      timezone: zone,
      plan: planned,
      links,
      comingReminders: [],
      milestones,
    }).body ?? "";
  return { planned, email, timeline };
}

describe("Done on a booked exam is offered only once it can be recorded", () => {
  it("14 days before the exam: the email and the timeline offer Scheduled for…, no Done", () => {
    const { planned, email, timeline } = at("2026-08-06T06:00:00Z");
    expect(actionsFor({ milestone: "usmle_step2ck" }, planned, zone, milestones)).not.toContain("done");
    expect(actionsFor({ milestone: "usmle_step2ck" }, planned, zone, milestones)[0]).toBe("schedule");
    for (const part of [email.text, email.html, timeline]) {
      expect(part).not.toContain(doneUrl.replaceAll("&", "&amp;"));
      expect(part).not.toContain(doneUrl);
    }
    expect(email.text).toContain(`Scheduled for…: ${scheduleUrl}`);
    expect(email.html).toContain(`href="${scheduleUrl.replaceAll("&", "&amp;")}"`);
    expect(timeline).toContain(`href="${scheduleUrl.replaceAll("&", "&amp;")}"`);
  });

  it("the evening before, on the applicant's day (23:30 in Kolkata), still no Done", () => {
    const { planned } = at("2026-08-19T18:00:00Z");
    expect(actionsFor({ milestone: "usmle_step2ck" }, planned, zone, milestones)).not.toContain("done");
  });

  it("from the exam day in the applicant's zone (00:30 in Kolkata), Done is offered first again", () => {
    const { planned, email, timeline } = at("2026-08-19T19:00:00Z");
    expect(actionsFor({ milestone: "usmle_step2ck" }, planned, zone, milestones)[0]).toBe("done");
    expect(email.text).toContain(`Done: ${doneUrl}`);
    expect(timeline).toContain(`href="${doneUrl.replaceAll("&", "&amp;")}"`);
  });

  it("with no day booked, Done is offered as before", () => {
    const unbooked = milestones.filter((entry) => entry.key !== "usmle_step2ck");
    const planned = plan(
      { ...input, milestones: unbooked },
      seasonCalendar(2027),
      new Date("2026-08-06T06:00:00Z"),
    );
    expect(actionsFor({ milestone: "usmle_step2ck" }, planned, zone, unbooked)[0]).toBe("done");
  });
});
