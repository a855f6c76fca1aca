import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  examsDone,
  inputFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";

/**
 * A reminder email says each sentence once: a why and a next step that open with the same long
 * sentence and part near its end are one paragraph, and a risk's notice says the risk in its own
 * place (a risk's notice, or a reminder whose why is a warning's words), so "Risks to watch" names
 * it by that item's title, or goes when it would only repeat.
 */

/** The sentences of `said` (40 characters or more) that `text` holds more than once. */
function saidTwice(text: string, said: string): string[] {
  return said
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .filter((sentence) => sentence.length >= 40 && text.split(sentence).length > 2);
}

/** The HTML part's words, without tags or entities, as a screen reader reads them. */
const wordsOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

function emailOf(reminder: Reminder, planned: Plan) {
  return renderReminderEmail({
    recipientName: "Applicant",
    reminders: [reminder],
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

describe("Step 3's apply-by notice, for an applicant in Chicago ranking on H-1B for the 2027 Match", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: "sentence-once-chicago",
      fullName: "Kwame Mensah",
      timezone: "America/Chicago",
      matchYear: 2027,
      visa: "H-1B",
      graduation: "2025-06-30",
    }),
    milestones: [
      ...examsDone(),
      milestoneFactory("ecfmg_application", "done", "2025-01-15"),
      milestoneFactory("ecfmg_certification", "done", "2025-03-01"),
    ],
  });
  const planned = plan(input, seasonCalendar(2027), new Date("2027-02-12T15:00:00Z"));
  const notice = planned.reminders.find((reminder) => reminder.rung === "apply-by-in-14d");
  const step = planned.nextSteps.find((each) => each.milestone === "usmle_step3");
  if (notice === undefined || step === undefined) throw new Error("no Step 3 apply-by notice");
  const email = emailOf(notice, planned);

  it("shows the why and the step's action, which open alike, as one paragraph under Next", () => {
    const opening = notice.why.slice(0, 120);
    expect(step.action.startsWith(opening)).toBe(true);
    expect(step.action.startsWith(notice.why)).toBe(false);
    for (const part of [email.text, wordsOf(email.html)]) {
      expect(part.split(opening)).toHaveLength(2);
      expect(saidTwice(part, `${notice.why} ${step.action}`)).toEqual([]);
    }
    expect(email.text).not.toContain("Why it matters:");
    // What the why adds beyond the action is still said, after it.
    expect(email.text).toMatch(/Next step: [^\n]*Tell us your test date once you have it\./);
  });
});

describe("the out-of-reach notice, for a student in Lagos graduating after the 2027 Match's start", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: "sentence-once-lagos",
      fullName: "Chiamaka Obi",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2028-06-15",
    }),
  });
  const planned = plan(input, seasonCalendar(2027), new Date("2026-12-05T10:00:00Z"));
  const notice = planned.reminders.find((reminder) => reminder.rung === OUT_OF_REACH_RUNG);
  const risk = planned.risks.find((each) => each.code === notice?.risk);
  if (notice === undefined || risk === undefined) throw new Error("no out-of-reach notice");
  const email = emailOf(notice, planned);
  const others = planned.risks.filter((each) => each !== risk);

  it("says the risk's message once, in the notice's place, with the risk's sources there", () => {
    const opening = risk.message.slice(0, 80);
    for (const part of [email.text, wordsOf(email.html)]) {
      expect(part.split(opening)).toHaveLength(2);
      expect(saidTwice(part, risk.message)).toEqual([]);
      const item = part.slice(
        0,
        part.indexOf(email.text === part ? "Your whole timeline" : "See my whole timeline"),
      );
      expect(item).toContain("Sources:");
    }
  });

  it("lists the risk under Risks to watch by the notice's title when other risks are there, else drops the section", () => {
    for (const part of [email.text, wordsOf(email.html)]) {
      if (others.length === 0) expect(part).not.toContain("Risks to watch");
      else expect(part).toContain(`${notice.title} (see above)`);
    }
  });
});

describe("the Pathway's target-passed reminder, for an applicant in London planning the 2028 Match", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: "sentence-once-london",
      fullName: "Tomasz Nowak",
      timezone: "Europe/London",
      matchYear: 2028,
      graduation: "2026-04-15",
    }),
    milestones: doneMilestones(
      ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"],
      "2027-03-01",
    ),
  });
  const planned = plan(input, seasonCalendar(2028), new Date("2027-10-21T08:00:00Z"));
  const reminder = planned.reminders.find((each) => each.rung === "target-passed");
  const risk = planned.risks.find((each) => reminder?.why.startsWith(each.message));
  if (reminder === undefined || risk === undefined)
    throw new Error("no target-passed reminder saying its risk");
  const email = emailOf(reminder, planned);

  it("says the warning once, in the reminder's place, and names it below by the reminder's title", () => {
    for (const part of [email.text, wordsOf(email.html)]) {
      expect(saidTwice(part, risk.message)).toEqual([]);
      if (planned.risks.length > 1) expect(part).toContain(`Warning: ${reminder.title} (see above)`);
      else expect(part).not.toContain("Risks to watch");
    }
  });
});
