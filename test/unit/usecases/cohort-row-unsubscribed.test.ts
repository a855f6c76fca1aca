import { describe, expect, it } from "vitest";
import type { ApplicantState } from "#ports/applicants.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { cohortSummary } from "#usecases/planning.ts";
import { cohortCsv, cohortFragment } from "../../../functions/console/pages/cohort.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

/**
 * Mere unsubscribed after her last reminder, and SES then reported that reminder delivered: the
 * advisor scanning the cohort must still see that nothing reaches her, whatever the last email's
 * report says.
 */
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };
const NOW = "2026-12-20T12:00:00.000Z";
const UNSUBSCRIBED_AT = "2026-12-09T08:00:00.000Z";

function mere(delivery: "delivered" | undefined, unsubscribed: boolean): ApplicantState {
  const store = new InMemoryApplicantStore();
  store.add(
    profileFactory({
      fullName: "Mere Ngata",
      timezone: "Pacific/Auckland",
      ...(unsubscribed ? { unsubscribedAt: UNSUBSCRIBED_AT } : {}),
    }),
  );
  const state = store.state("a_ada");
  state.ledger = [
    {
      reminderId: "2027:nrmp_registration:early",
      status: "sent",
      claimedAt: "2026-12-07T20:00:00.000Z",
      sentAt: "2026-12-07T20:00:01.000Z",
      messageId: "m-1",
      ...(delivery ? { delivery, deliveryAt: "2026-12-07T20:00:05.000Z" } : {}),
    },
  ];
  return state;
}

function row(state: ApplicantState) {
  const plan = domainPlanning.plan(state, new FixedClock(new Date(NOW)).now());
  return cohortSummary(state, plan).cohort;
}

describe("the cohort row of an applicant who unsubscribed", () => {
  it("says so after SES reported her last email delivered, beside that report", () => {
    const cohort = row(mere("delivered", true));
    expect(cohort.lastEmail?.outcome).toBe("delivered");
    expect(cohort.unsubscribedAt).toBe(UNSUBSCRIBED_AT);
    const html = cohortFragment(admin, [cohort], [cohort], { sort: "name", page: 1 });
    expect(html).toMatch(
      /delivered<\/span><br><span class="critical">unsubscribed since <time[^>]*>Wed 9 Dec 2026, 3:00 AM ET<\/time>: no reminders reach them/,
    );
  });

  it("exports when she unsubscribed as the CSV's last column, beside SES's report", () => {
    const cohort = row(mere("delivered", true));
    const [header, line] = cohortCsv([cohort]).trim().split("\r\n");
    const columns = header?.split(",") ?? [];
    expect(columns.at(-1)).toBe("unsubscribedAt");
    // A cell may hold a quoted comma: the line is read from its end (unsubscribedAt, the season,
    // nextDeadlineEt, remindersPausedAt, lastEmailOutcome).
    expect(line?.split(",").at(-1)).toBe(UNSUBSCRIBED_AT);
    expect(columns.at(-5)).toBe("lastEmailOutcome");
    expect(line).toMatch(/,delivered,,"[^"]*",2028,2026-12-09T08:00:00\.000Z$/);
  });

  it("says so while her last email is not yet reported, and when none was sent", () => {
    const cohort = row(mere(undefined, true));
    expect(cohort.lastEmail?.outcome).toBe("sent");
    expect(cohort.unsubscribedAt).toBe(UNSUBSCRIBED_AT);
    const none = { ...cohort };
    delete none.lastEmail;
    const html = cohortFragment(admin, [none], [none], { sort: "name", page: 1 });
    expect(html).toContain("none sent to them yet");
    expect(html).toContain("unsubscribed since");
  });

  it("says nothing of an unsubscribe for a subscribed applicant", () => {
    const cohort = row(mere("delivered", false));
    expect(cohort.unsubscribedAt).toBeUndefined();
    expect(cohortFragment(admin, [cohort], [cohort], { sort: "name", page: 1 })).not.toContain(
      "unsubscribed",
    );
  });
});
