import { describe, expect, it } from "vitest";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import { cohortFragment } from "../../../functions/console/pages/cohort.ts";
import { confirmationPage, unsubscribedPage } from "../../../functions/http-api/pages.ts";

/**
 * What the applicant and the advisor are told about one email address shared by two applicant
 * records: the unsubscribe is kept per address, so both pages say it stops every reminder
 * to the address; the cohort marks each row that shares its address with another.
 */
describe("one address, two records: what the pages say", () => {
  it("the unsubscribe pages say the address stops getting every Matchpath reminder", () => {
    const per =
      "This stops every Matchpath reminder sent to it, including any about another sign-up that uses the same address.";
    expect(confirmationPage("t").body).toContain(
      `You will no longer receive deadline reminders from Matchpath at this email address. ${per}`,
    );
    expect(unsubscribedPage().body).toContain(
      `Matchpath will send no further reminders to this email address. ${per}`,
    );
  });

  it("the cohort marks the two rows at one address, and no other", () => {
    const row = (applicantId: string, fullName: string, email: string): CohortRow => ({
      applicantId,
      fullName,
      email,
      advisorEmail: "helen.advisor@matchpath.example",
      matchYear: 2027,
      visa: "J-1",
      stage: "exams",
      risks: { critical: 0, warning: 0, codes: [] },
      overdue: 0,
    });
    const all = [
      row("a_1", "Chidi Eze", "chidi.eze@example.org"),
      row("a_2", "Chidi N. Eze", "Chidi.Eze@example.org"),
      row("a_3", "Ada Obi", "ada.obi@example.org"),
    ];
    const advisor = { email: "helen.advisor@matchpath.example", role: "advisor" as const, sub: "helen" };
    const html = cohortFragment(advisor, all, all, { sort: "name", page: 1 });
    const note = (names: string) =>
      `Same email address as ${names}: both are emailed, and an unsubscribe stops both. A form sent twice? Erase the extra record from its page.`;
    expect(html).toContain(note("Chidi N. Eze"));
    expect(html).toContain(note("Chidi Eze"));
    expect(html.match(/Same email address as/g)).toHaveLength(2);
  });
});
