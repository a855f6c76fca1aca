import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  interviewFactory,
  milestoneFactory,
  rankListCertified2027,
} from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * A reminder email says each paragraph once. An item whose step's action begins with its why shows
 * the fuller of the two, and "Your next steps" leaves out the step its item already says with the
 * same deadline, while a bullet that adds something (a passed early deadline) stays.
 */

/** How often `needle` occurs in `text`. */
const count = (text: string, needle: string) => text.split(needle).length - 1;

/** The HTML part's words, without tags or entities, as a screen reader reads them. */
const wordsOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

function render(reminder: Reminder, planned: ReturnType<typeof plan>, milestones: readonly MilestoneEntry[]) {
  return renderReminderEmail({
    recipientName: "Applicant",
    reminders: [reminder],
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
    milestones,
  });
}

describe("Monday's Match Week email, for an applicant in Cairo whose list is certified", () => {
  const calendar = seasonCalendar(2027);
  const now = new Date(calendar.dates.nrmp_match_week_start_and_soap_start.at + 2 * 3_600_000);
  const milestones: MilestoneEntry[] = rankListCertified2027();
  const profile = profileFactory({ fullName: "Nour Haddad", matchYear: 2027, timezone: "Africa/Cairo" });
  const planned = domainPlanning.plan({ profile, milestones, interviews: [], ledger: [] }, now);
  const question = planned.reminders.find((reminder) => reminder.milestone === "match_week");
  const step = planned.nextSteps.find((each) => each.milestone === "match_week");
  if (question === undefined || step === undefined) throw new Error("no Match Week question on Monday");
  const email = render(question, planned, milestones);
  const opening = "NRMP told you at 10:00 AM ET on Monday of Match Week";

  it("says the question's paragraph once, the step's fuller action under Next, Statement of Need and all", () => {
    expect(step.action.startsWith(question.why)).toBe(true);
    expect(count(email.text, opening)).toBe(1);
    expect(email.text).not.toContain("Why it matters:");
    expect(email.text).toMatch(/ {3}Next step: NRMP told you[^\n]*Statement of Need/);
    const html = wordsOf(email.html);
    expect(count(html, opening)).toBe(1);
    expect(html).toMatch(/Next: NRMP told you.*Statement of Need/);
  });

  it("lists no Match Week bullet under Your next steps, and keeps SOAP's, which adds its own answers", () => {
    for (const part of [email.text, wordsOf(email.html)]) {
      const below = part.slice(part.indexOf("Your next steps"));
      expect(below).not.toContain(step.title);
      expect(below).toContain("Take part in SOAP");
    }
  });
});

describe("a late NRMP registration notice, for an applicant in Auckland interviewing for the 2027 Match", () => {
  const snapshot = {
    applicant: applicantFactory({
      externalId: "said-once-auckland",
      email: "mere@example.org",
      fullName: "Mere Ngata",
      timezone: "Pacific/Auckland",
      matchYear: 2027,
      visa: "none",
      graduation: "2027-05-28",
    }),
    milestones: [milestoneFactory("ecfmg_pathway", "not_started")],
    interviews: [interviewFactory({ program: "Program A", startsAt: "2027-01-19T01:30:00.000Z" })],
  };
  const planned = plan(snapshot, seasonCalendar(2027), new Date("2027-01-16T15:30:00Z"));
  const notice = planned.reminders.find(
    (reminder) => reminder.rung === CRITICAL_RISK_RUNG && reminder.milestone === "nrmp_registration",
  );
  const step = planned.nextSteps.find((each) => each.milestone === "nrmp_registration");
  if (notice === undefined || step === undefined) throw new Error("no late registration notice");
  const email = render(notice, planned, snapshot.milestones);

  it("says the notice's why once (it begins with the step's action) and keeps the bullet adding the passed early deadline", () => {
    expect(notice.why.startsWith(step.action)).toBe(true);
    expect(email.text).toContain("Why it matters: If you have not registered with NRMP yet");
    expect(email.text).not.toContain("Next step, for");
    expect(wordsOf(email.html)).not.toContain("Next, for");
    for (const part of [email.text, wordsOf(email.html)]) {
      const below = part.slice(part.indexOf("Your next steps"));
      expect(below).toMatch(/Register for the NRMP Main Residency Match: [^\n]*early deadline [^\n]* passed/);
    }
  });
});
