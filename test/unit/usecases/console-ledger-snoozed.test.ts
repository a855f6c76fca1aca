import { describe, expect, it } from "vitest";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { viewApplicant } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { ledgerRows } from "../../../functions/console/pages/ledger.ts";
import { doneMilestones } from "../domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, InMemoryMailer, profileFactory } from "./fakes.ts";

const OMAR: Principal = { email: "omar.advisor@matchpath.example", role: "advisor", sub: "omar" };

const emptyConsole: ConsoleStore = {
  recordAudit: async () => {},
  listAudit: async () => [],
  listSubmissions: async () => [],
  listEvents: async () => [],
  recordLastEmail: async () => {},
  listCohort: async () => [],
  setRemindersPaused: async () => {},
  eraseApplicant: async () => {
    throw new Error("The applicant page does not erase");
  },
};

/**
 * After the applicant snoozed NRMP registration for a week, the page she landed on said no reminder
 * about it would come before the snooze's end, while the advisor's notice ledger listed one inside
 * the snooze as "scheduled"; none went, and the row vanished without a line saying why. The ledger
 * now lists what the reminder function will send: the plan with the applicant's snoozes applied.
 */
describe("the console's notice ledger after a recorded Snooze", () => {
  it("lists no reminder of the snoozed step before the snooze ends", async () => {
    const store = new InMemoryApplicantStore();
    const now = new Date("2026-12-08T13:09:00Z");
    const done = doneMilestones([
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "oet_medicine",
      "ecfmg_pathway",
      "usce",
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
      "eras_application",
    ]);
    const profile = profileFactory({ advisorEmail: OMAR.email, timezone: "Asia/Kathmandu" });
    store.add(profile, { milestones: [...done, { key: "nrmp_registration", status: "in_progress" }] });
    const ends = Date.parse("2026-12-31T18:15:00Z"); // Fri 1 Jan 2027 begins in Kathmandu.
    const unsnoozed = domainPlanning
      .plan(store.state("a_ada"), now)
      .reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
    expect(unsnoozed.filter((reminder) => Date.parse(reminder.sendAt) < ends).length).toBeGreaterThan(1);
    store.state("a_ada").milestones = [
      ...done,
      { key: "nrmp_registration", status: "in_progress", snoozedUntil: "2027-01-01" },
    ];
    const deps = {
      ...{ applicants: store, intake: store, console: emptyConsole, clock: new FixedClock(now) },
      ledger: store,
      suppression: store,
      planning: domainPlanning,
      mailer: new InMemoryMailer(),
    };
    const view = await viewApplicant(OMAR, "a_ada", deps);
    const willGo = new Set(
      domainPlanning.plan(store.state("a_ada"), now).reminders.map((reminder) => reminder.id),
    );
    const silenced = unsnoozed.filter((reminder) => !willGo.has(reminder.id));
    expect(silenced.length).toBeGreaterThan(0);
    const scheduled = ledgerRows(view, []).filter((row) => row.startsWith("<tr><td>scheduled</td>"));
    expect(scheduled.length).toBeGreaterThan(0);
    // Another step's reminder may share a silenced one's slot (the certificate's question the next
    // morning): a row is the silenced one when it has its time and its rung.
    for (const reminder of silenced)
      expect(
        scheduled.filter(
          (row) => row.includes(`datetime="${reminder.sendAt}"`) && row.includes(`(${reminder.rung})`),
        ),
      ).toEqual([]);
  });
});
