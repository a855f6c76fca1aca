import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { dueReminders, nextWakeUp } from "#domain/reminder-policy.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import type { Planning } from "#usecases/planning.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  planFactory,
  profileFactory,
  reminderFactory,
  storePorts,
} from "./fakes.ts";

/**
 * The applicant's one wake-up comes at a risk-change instant (Plan.riskChangesAt)
 * only when the plan re-made there sends the applicant something before the next
 * reminder; each one that sends nothing cost a Query, a plan write and a re-arm. The advisor's
 * escalations keep their own timer (escalation-timer.test.ts).
 */

const CHANGE = "2026-09-10T12:00:00.000Z";
const NEXT: Reminder = reminderFactory({
  id: "eras_application:due-in-7d",
  sendAt: "2026-10-01T08:00:00.000Z",
  deadline: "2026-10-08T16:00:00.000Z",
});
const NOTICE: Reminder = reminderFactory({
  id: "critical-notice",
  rung: "critical-risk",
  sendAt: "2026-09-11T08:00:00.000Z",
  deadline: "2027-03-03T21:00:00.000Z",
});

/** A planner whose plan notes one risk change; past it, the plan holds `atChange` too. */
function planningWith(atChange: Reminder[]): Planning {
  return {
    plan: (_state, now): Plan =>
      planFactory({
        now: now.toISOString(),
        riskChangesAt: [CHANGE],
        reminders: now.getTime() > Date.parse(CHANGE) ? [...atChange, NEXT] : [NEXT],
      }),
    planHash: (plan) => plan.reminders.map((reminder) => reminder.id).join(","),
    dueReminders,
    nextWakeUp,
  };
}

function setup(planning: Planning, now: string) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  return {
    store,
    ...storePorts(store),
    mailer: new InMemoryMailer(),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    clock: new FixedClock(new Date(now)),
    planning,
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
}

describe("risk-change wake-ups", () => {
  it.each([
    ["sends nothing there: the next reminder", [], NEXT.sendAt],
    // Not the risk change itself (a wake-up that would find the notice not yet due): the notice's slot.
    ["holds a notice there: the notice's instant", [NOTICE], NOTICE.sendAt],
    [
      "holds a notice due at once there: just after it",
      [{ ...NOTICE, sendAt: "2026-09-10T11:00:00.000Z" }],
      "2026-09-10T12:00:01.000Z",
    ],
    [
      "holds a notice only at the next reminder's instant: the next reminder",
      [{ ...NOTICE, sendAt: NEXT.sendAt }],
      NEXT.sendAt,
    ],
    ["holds a notice already sent: the next reminder", [{ ...NOTICE, id: "sent-before" }], NEXT.sendAt],
  ])("the planner arms, for a risk change whose re-plan %s", async (_case, atChange, armed) => {
    const deps = setup(planningWith(atChange), "2026-09-01T00:00:00Z");
    deps.store.state("a_ada").ledger.push({
      reminderId: "sent-before",
      status: "sent",
      claimedAt: "2026-08-01T08:00:00.000Z",
      sentAt: "2026-08-01T08:00:00.000Z",
      messageId: "msg-0",
    });
    const [result] = await planApplicants(["a_ada"], deps);
    expect(result).toMatchObject({ ok: true, wakeUpAt: armed });
    expect(deps.wakeUps.log).toEqual([`arm a_ada ${armed}`]);
  });

  it("the reminder function re-arms past a risk change that sends nothing, and sends a notice on time from one that does", async () => {
    const quiet = setup(planningWith([]), "2026-09-01T00:00:00Z");
    const early = reminderFactory({ id: "early", sendAt: "2026-09-05T08:00:00.000Z" });
    quiet.planning.plan = (_state, now) =>
      planFactory({ now: now.toISOString(), riskChangesAt: [CHANGE], reminders: [early, NEXT] });
    expect((await sendDueReminders("a_ada", new Date(early.sendAt), quiet)).nextWakeUpAt).toBe(NEXT.sendAt);

    const told = setup(planningWith([NOTICE]), "2026-09-05T08:00:00Z");
    const fired: string[] = [];
    await planApplicants(["a_ada"], told);
    for (let at = told.wakeUps.pending.get("a_ada"); at && at.toISOString() <= NEXT.sendAt; ) {
      if (fired.push(at.toISOString()) > 20) throw new Error(`a wake-up re-arms itself: ${fired.join(" ")}`);
      told.wakeUps.pending.delete("a_ada"); // a fired one-time schedule deletes itself
      told.clock.set(at);
      await sendDueReminders("a_ada", at, told);
      at = told.wakeUps.pending.get("a_ada");
    }
    // Straight to the notice: no wake-up at the risk change that would find it not yet due.
    expect(fired).toEqual([NOTICE.sendAt, NEXT.sendAt]);
    expect(told.mailer.sent).toHaveLength(2);
  });
});

/**
 * With the real planner (the case 3d3287c fixed): a matched J-1 applicant in
 * Cairo whose visa chain is behind; the April notice is sent. On 18 May the DS-2019 falls behind
 * too (a risk-change instant, weeks before the next reminder on 3 June): the new notice goes out
 * at that day's delivery slot, whether or not the applicant consented to escalation.
 */
const BEFORE_MATCH = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "budget",
] as const;
const MATCHED: MilestoneEntry[] = [
  ...BEFORE_MATCH.map((key): MilestoneEntry => ({ key, status: "done", date: "2026-10-01" })),
  { key: "rank_order_list", status: "done", date: "2027-02-01" },
  { key: "match_week", status: "done", date: "2027-03-15" },
  { key: "soap", status: "waived" },
  { key: "match_day", status: "done", date: "2027-03-19" },
  { key: "research", status: "waived" },
];

describe("risk-change wake-ups with the real planner (a risk turning critical reaches the applicant, consenting or not)", () => {
  it.each([true, false])("sends the DS-2019 notice on 18 May, consent %s", async (consent) => {
    const deps = setup(domainPlanning, "2027-04-21T08:00:00Z");
    deps.store.add(
      profileFactory({
        timezone: "Africa/Cairo",
        advisorEmail: "grace@advisors.example",
        escalateToAdvisor: consent,
      }),
      { milestones: MATCHED },
    );
    await planApplicants(["a_ada"], deps);
    const fired: string[] = [];
    for (let at = deps.wakeUps.pending.get("a_ada"); at && at.toISOString() <= "2027-06-02T00:00:00.000Z"; ) {
      if (fired.push(at.toISOString()) > 20) throw new Error(`a wake-up re-arms itself: ${fired.join(" ")}`);
      deps.wakeUps.pending.delete("a_ada"); // a fired one-time schedule deletes itself
      deps.clock.set(at);
      await sendDueReminders("a_ada", at, deps);
      at = deps.wakeUps.pending.get("a_ada");
    }
    // The April notice; the certificate's target passed (the J-1 sponsorship's date, 16 Apr),
    // then its weekly follow-ups while the J-1 chain waits for it; and the risk
    // change's notice at 07:00 Cairo on 18 May, armed for its slot (not a wake-up at the change,
    // 04:00:01 UTC, that found it not yet due). The contract and the Statement of Need, behind,
    // are chased weekly to the start besides (visa-behind). Every weekly chase is
    // counted back in weeks from its deadline's first rung, so they share Thursday's slot with the
    // certificate's: one weekly chase a week, where each step's own even spread once sent emails on
    // consecutive days (23 and 24 Apr, 30 Apr and 1 May, 27 and 28 May). Until the J-1 start's
    // last day (Mon 3 May: the file, the certificate included, complete by then), the certificate
    // counts down to it (7, 3 and 1 days before: 26 Apr, 30 Apr, 2 May), as the risk on it names it:
    // a countdown to the day that decides the start closes in at its end, so 29 Apr's weekly chase,
    // 30 Apr's 3-day rung and 2 May's 1-day rung come close together on purpose (the weekly rule is
    // for chases, which say the same each week, not for a last day's final rungs), and the last day
    // itself has its morning rung (3 May), as the Match's last day does. From 4 May the
    // certificate stays overdue since that day, with no fresh countdown to its own date: the start's
    // notice on 4 May and the weekly Thursday chase follow.
    // A critical notice whose date is over a day past the next delivery slot goes at that slot:
    // April's with Thursday's email, 4 and 18 May's at the 06:00 UTC slot, not an hour before it.
    expect(fired).toEqual([
      "2027-04-22T07:00:00.000Z",
      "2027-04-26T07:00:00.000Z",
      "2027-04-29T07:00:00.000Z",
      "2027-04-30T06:00:00.000Z",
      "2027-05-02T06:00:00.000Z",
      "2027-05-03T06:00:00.000Z",
      "2027-05-04T06:00:00.000Z",
      "2027-05-06T06:00:00.000Z",
      "2027-05-13T06:00:00.000Z",
      "2027-05-18T06:00:00.000Z",
      "2027-05-20T06:00:00.000Z",
      "2027-05-27T06:00:00.000Z",
    ]);
    const subjects = deps.mailer.sent.map((email) => `${email.to} ${email.subject}`);
    expect(subjects).toHaveLength(12); // April's notice in Thursday's email
    // 4 May: even a sponsorship application complete that day leaves the J-1 visa after 1 Jul (the
    // fastest review and the consular month): a risk change too, told at that day's slot.
    expect(subjects[6]).toMatch(/^ada@example\.com A J-1 start on your program's date is out of reach/);
    expect(subjects[9]).toMatch(/^ada@example\.com A J-1 start on your program's date is out of reach/);
    const notices = deps.store
      .state("a_ada")
      .ledger.filter((entry) => entry.status === "sent" && entry.sentAt?.startsWith("2027-05-18"));
    // The one notice, nothing else: the certificate's target-passed catch-up, held back on 22 Apr by
    // its weekly chase at that very slot, is not sent later once that chase has gone.
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject?.rung).toBe("critical-risk");
  });
});
