import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { oneReminderPerStep } from "#domain/planner/one-reminder-per-step.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { readSnapshot } from "#test/unit/domain/fixture-snapshots.ts";

/**
 * An interviewing late arrival signing up at 13:00 Lagos on
 * the NRMP early-registration deadline's day (Mon 30 Nov 2026, 11:59 PM ET) got the NRMP question
 * as an "Also:" inside a certificate check due 25 Feb 2027, and the email's subject led with the
 * interview. A notice is folded only into an item due no later than its own deadline; otherwise it
 * is its own item, ordered by its deadline, so the deadline 16 hours away leads the email with its
 * countdown. The interview stays its own item; ids stay those of the plan.
 */
const DIR = fileURLToPath(new URL("../../fixtures/notices-after-the-match/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot => readSnapshot(DIR, file);
const NOW = new Date("2026-11-30T13:00:00+01:00");
const snapshot = snapshotOf("late-arrival-lagos-nrmp-early-deadline-day.json");
const planned: Plan = plan(snapshot, seasonCalendar(2027), NOW);
const due = dueReminders(planned, NOW, new Set());
const email = renderReminderEmail({
  recipientName: snapshot.applicant.fullName,
  reminders: due,
  plan: planned,
  unsubscribeUrl: "https://example.org/unsubscribe",
  timezone: snapshot.applicant.timezone,
  interviews: snapshot.interviews,
  milestones: snapshot.milestones,
});
const ASKED = "Registered with NRMP? If not, register in R3 now";

describe("a notice never hides behind a later item", () => {
  it("the NRMP question goes out now as its own reminder, not folded into a later one", () => {
    const nrmp = due.find((each) => each.milestone === "nrmp_registration");
    expect(nrmp?.title).toBe(ASKED);
    expect(nrmp?.deadline).toBe("2026-12-01T04:59:00.000Z");
    for (const each of planned.reminders) {
      expect(each.why).not.toContain(`Also: ${ASKED}`);
      expect((each.folded ?? []).map((folded) => folded.milestone)).not.toContain("nrmp_registration");
    }
  });

  // The certificate check is a warning due Sat 26 Dec: no late arrival, so it waits for the next
  // delivery slot (09:00 on 1 Dec) and is not in this email (it was, when warnings went at once).
  it("the email leads with the NRMP deadline and its countdown, then the interview; the later check waits for 09:00", () => {
    expect(email.subject).toBe(`${ASKED}: due in 16 hours, Tue 1 Dec 2026, 5:59 AM GMT+1 (+1 more)`);
    const lines = email.text.split("\n");
    const numbered = lines.filter((line) => /^\d+\. /.test(line));
    expect(numbered).toEqual([
      `1. ${ASKED}`,
      "2. Prepare for your virtual interview with Example IM, Michigan",
    ]);
    const check = planned.reminders.find((each) => each.rung === "warning-notice");
    expect(check?.title).toMatch(/^Check your ECFMG certificate's validity date/);
    expect(check?.sendAtLocal).toBe("2026-12-01T09:00:00.000+01:00");
    expect(email.text).toContain("Due in 16 hours: Tue 1 Dec 2026, 5:59 AM");
  });

  it("keeps the ids deterministic: the same input and now give the same reminders", () => {
    const again = plan(structuredClone(snapshot), seasonCalendar(2027), new Date(NOW.getTime()));
    expect(again.reminders.map((each) => each.id)).toEqual(planned.reminders.map((each) => each.id));
  });
});

describe("oneReminderPerStep: a second notice on a step folds only into one due no later", () => {
  const notice = (id: string, deadline: string, title: string): Reminder => ({
    id,
    milestone: "rank_order_list",
    rung: "critical-risk",
    title,
    deadline,
    deadlineDetail: {
      at: deadline,
      local: deadline,
      et: deadline,
      status: "projected",
      basis: "projected",
      source: "test",
    },
    sendAt: "2026-11-30T12:00:00.000Z",
    sendAtLocal: "2026-11-30T13:00:00.000+01:00",
    why: `${title}.`,
  });

  it("folds a later notice into the earlier one, and keeps an earlier notice its own item", () => {
    const early = notice("r-early", "2026-12-01T04:59:00.000Z", "Early");
    const late = notice("r-late", "2027-02-25T02:00:00.000Z", "Late");
    const folded = oneReminderPerStep([early, late]);
    expect(folded).toHaveLength(1);
    expect(folded[0]?.reminder.why).toBe("Early. Also: Late. Late.");
    const apart = oneReminderPerStep([late, early]);
    expect(apart.map((each) => each.reminder.id)).toEqual(["r-late", "r-early"]);
    expect(apart[0]?.reminder.why).toBe("Late.");
  });
});
