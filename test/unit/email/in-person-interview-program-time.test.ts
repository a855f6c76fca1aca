import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  doneMilestones,
  interviewFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * Leilani (Honolulu, 2027 Match, registered) adds, at 8:00 PM the evening before, an interview
 * with Bayside Internal Medicine in New York at 8:00 AM EST: 3:00 AM in Honolulu. In person she is
 * at the program: its time leads (subject, date line, next step, card) and hers follows; the
 * interview seven hours away, five hours from her zone, asks whether she is there already. Virtual,
 * her own time leads as before; in person one zone off (Chicago), nothing is asked.
 */
const NOW = new Date("2026-12-01T06:00:00Z"); // Mon 30 Nov 2026, 8:00 PM HST
const interviewOf = (format: Interview["format"], zone = "Pacific/Honolulu") => ({
  zone,
  interview: interviewFactory({
    id: "iv-bayside",
    program: "Bayside Internal Medicine",
    startsAt: "2026-12-01T08:00:00-05:00",
    timezone: "America/New_York",
    format,
  }),
});

function emailFor(format: Interview["format"], zone = "Pacific/Honolulu") {
  const { interview } = interviewOf(format, zone);
  const planned: Plan = plan(
    {
      applicant: applicantFactory({ fullName: "Leilani Kahale", timezone: zone, matchYear: 2027 }),
      milestones: doneMilestones(REGISTERED_KEYS, "2026-09-10"),
      interviews: [interview],
    },
    seasonCalendar(2027),
    NOW,
  );
  const prep = planned.reminders.filter((reminder) => reminder.interviewId === "iv-bayside");
  const firstAt = prep.map((reminder) => reminder.sendAt).sort()[0];
  const email = renderReminderEmail({
    recipientName: "Leilani Kahale",
    reminders: prep.filter((reminder) => reminder.sendAt === firstAt),
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: zone,
    interviews: [interview],
  });
  const step = planned.nextSteps.find((each) => each.interviewId === "iv-bayside");
  const card =
    timelinePage({
      firstName: "Leilani",
      timezone: zone,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_leilani",
        feedGeneration: 0,
        now: NOW,
      }),
      plan: planned,
      comingReminders: [],
      interviews: [interview],
    }).body ?? "";
  return { email, action: step?.action ?? "", card };
}

const PROGRAM = "Tue 1 Dec 2026, 8:00 AM EST";
const HERS = "Tue 1 Dec 2026, 3:00 AM HST";

describe("an in-person interview reads in the program's time", () => {
  it("leads the subject, the date line, the next step and the card with the program's time, hers second", () => {
    const { email, action, card } = emailFor("in_person");
    expect(email.subject).toContain(`starts in 7 hours, ${PROGRAM} (at the program)`);
    expect(email.text).toContain(`${PROGRAM} (at the program) / ${HERS} (your time)`);
    expect(action).toContain(`${PROGRAM} at the program (${HERS} your time)`);
    expect(card).toContain(`Starts <strong>${PROGRAM}</strong> (at the program) · ${HERS} (your time)`);
  });

  it("asks whether she is there already when it is less than a day away and hours from her zone", () => {
    const { email } = emailFor("in_person");
    expect(email.text).toContain("are you there already?");
    expect(email.text).toContain("contact Bayside Internal Medicine now");
  });

  it("asks nothing in person an hour from her zone, still the program's time first", () => {
    const { email } = emailFor("in_person", "America/Chicago");
    expect(email.subject).toContain(`${PROGRAM} (at the program)`);
    expect(email.text).not.toContain("are you there already?");
  });

  it("keeps her own time first for a virtual interview, and asks nothing", () => {
    const { email, action } = emailFor("virtual");
    expect(email.subject).toContain(`starts in 7 hours, ${HERS}`);
    expect(email.text).toContain(`${HERS} (your time) / ${PROGRAM} (at the program)`);
    expect(action).toContain(`${HERS} your time (${PROGRAM} at the program)`);
    expect(email.text).not.toContain("are you there already?");
  });
});
