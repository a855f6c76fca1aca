import { describe, expect, it } from "vitest";
import { rowAsOf } from "#domain/console/row-as-of.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { doneMilestones } from "../domain/factories.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  storePorts,
} from "./fakes.ts";

/**
 * A matched applicant who never said where she matched is asked again every week. The question's
 * first rung, missed in April, is laid at once in every plan made without the ledger, so the
 * cohort row, re-planned just after each weekly email went, named the email just delivered as the
 * next one for the whole week, beside "Last email … delivered" that morning. The row now reads the
 * ledger's sent marks as the timeline does: the next email is next week's.
 */
describe("the cohort row of an applicant chased weekly for where she matched", () => {
  it("names next week's email, never the one delivered this morning", async () => {
    const store = new InMemoryApplicantStore();
    const milestones: MilestoneEntry[] = [
      ...doneMilestones([
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
        "ecfmg_pathway",
        "ecfmg_certification",
        "usce",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
        "eras_application",
        "nrmp_registration",
        "rank_order_list",
      ]),
      { key: "match_week", status: "done", date: "2027-03-15" },
    ];
    store.add(
      profileFactory({ applicantId: "a_farzana", timezone: "Asia/Dhaka", fullName: "Farzana Rahman" }),
      {
        milestones,
        interviews: [],
      },
    );
    const clock = new FixedClock(new Date("2027-06-20T00:00:00Z"));
    const deps = {
      store,
      ...storePorts(store),
      wakeUps: new InMemoryWakeUps(),
      events: new InMemoryEvents(),
      mailer: new InMemoryMailer(),
      clock,
      planning: domainPlanning,
      unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
    };
    await planApplicants(["a_farzana"], deps);
    // Each wake-up sends a few seconds after the instant it fired for, as in the cloud.
    for (;;) {
      const firing = deps.wakeUps.pending.get("a_farzana");
      if (firing === undefined || firing.toISOString() > "2027-07-03T00:00:00.000Z") break;
      deps.wakeUps.pending.delete("a_farzana");
      clock.set(new Date(firing.getTime() + 3000));
      await sendDueReminders("a_farzana", firing, deps);
    }
    const subjects = deps.mailer.sent.map((email) => email.subject);
    expect(subjects.at(-1)).toMatch(/^Match Day: tell us where you matched/);
    const stored = store.state("a_farzana").storedPlan?.cohort;
    if (stored === undefined) throw new Error("no cohort row");
    const lastSent = stored.lastEmail?.sentAt ?? "";
    expect(lastSent.slice(0, 10)).toBe("2027-07-02");

    const read = rowAsOf(stored, "2027-07-03T12:00:00.000Z");
    expect(read.nextDeadline?.kind).toBe("email");
    expect(read.nextDeadline?.day).toBe("2027-07-09");
  });
});
