import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An answer "not done" beside a later step reported done is counted done (its whole chain falls
 * silent: no step, reminder or fee), and the plan asks which answer is right. That question was on
 * the timeline only, so an applicant who reads only the emails never saw it. It is now emailed once,
 * at the next delivery slot, as a question with no date of its own, on the card of the step
 * answered not done, whose Done (when it can be recorded) is its button.
 */
const calendar = seasonCalendar(2027);
const question = (planned: Plan): Reminder[] =>
  planned.reminders.filter((each) => each.risk === "DONE_DATES_OUT_OF_ORDER");

function emailText(input: ReturnType<typeof matched2027>, planned: Plan, reminder: Reminder): string {
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_disagree",
    feedGeneration: 0,
    now: new Date(reminder.sendAt),
  });
  return renderReminderEmail({
    recipientName: input.applicant.fullName,
    reminders: [reminder],
    plan: planned,
    links,
    unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    milestones: input.milestones,
  }).html;
}

describe("the J-1 sponsorship scheduled for June beside a visa stamped in May, in Honolulu", () => {
  const extra: MilestoneEntry[] = [
    milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
    milestoneFactory("contract", "done", "2027-03-26"),
    milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
    milestoneFactory("j1_ecfmg_sponsorship", "scheduled", "2027-06-20"),
    milestoneFactory("j1_ds2019", "done", "2027-04-20"),
    milestoneFactory("visa_j1", "done", "2027-05-01"),
  ];
  const input = matched2027("Pacific/Honolulu", { extra });
  // Sun 2 May 2027, 9:00 AM in Honolulu: the applicant's delivery slot.
  const planned = plan(input, calendar, new Date("2027-05-02T19:00:00Z"));

  it("emails the question once, at the next delivery slot, on the sponsorship's card, with no date", () => {
    const notices = question(planned);
    expect(notices).toHaveLength(1);
    const notice = notices[0] as Reminder;
    expect(notice.rung).toBe("warning-notice");
    expect(notice.milestone).toBe("j1_ecfmg_sponsorship");
    expect(notice.sendAt).toBe("2027-05-02T19:00:00.000Z");
    expect(notice.title).toBe(
      "Your answers disagree: is your J-1 sponsorship application to ECFMG done? Until you tell us, your plan counts it done",
    );
    expect(notice.why).toContain("which is right?");
  });

  it("keeps the same id when the plan is made again later (the ledger sends it once)", () => {
    const again = plan(input, calendar, new Date("2027-05-05T19:00:00Z"));
    expect(question(again).map((each) => each.id)).toEqual(question(planned).map((each) => each.id));
  });

  it("reads as a question: no due date, and a link to the timeline where the answers are put right", () => {
    const html = emailText(input, planned, question(planned)[0] as Reminder);
    expect(html).toContain("is your J-1 sponsorship application to ECFMG done?");
    expect(html).not.toMatch(/Due <strong>/);
    expect(html).toContain("/timeline");
    expect(html).toContain("#risks");
  });
});

describe("a contract not started beside a DS-2019 received, in Lagos", () => {
  const input = matched2027("Africa/Lagos", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "not_started"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-25"),
      milestoneFactory("j1_ds2019", "done", "2027-04-30"),
    ],
  });
  const planned = plan(input, calendar, new Date("2027-05-01T08:00:00Z"));

  it("asks about the contract, whose Done button answers it", () => {
    const notice = question(planned)[0];
    expect(notice?.milestone).toBe("contract");
    const html = emailText(input, planned, notice as Reminder);
    expect(html).toMatch(/>Done[^<]*\(/);
    expect(html).not.toContain(">Snooze");
  });
});

describe("dates out of order with no answer counted done (guard)", () => {
  it("stays a warning on the timeline only: nothing is silenced", () => {
    const input = matched2027("Africa/Lagos", {
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
        milestoneFactory("contract", "done", "2027-03-24"),
        milestoneFactory("j1_statement_of_need", "done", "2027-03-25"),
        milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-20"),
        milestoneFactory("j1_ds2019", "done", "2027-04-10"),
      ],
    });
    const planned = plan(input, calendar, new Date("2027-05-01T08:00:00Z"));
    expect(planned.risks.map((risk) => risk.code)).toContain("DONE_DATES_OUT_OF_ORDER");
    expect(question(planned)).toEqual([]);
  });
});
