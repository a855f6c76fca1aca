import { describe, expect, it } from "vitest";
import { cohortRow, selectRows } from "#domain/console/cohort-row.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { cohortFragment } from "../../../../functions/console/pages/cohort.ts";

/**
 * In July, after the 2027 Match, the cohort called the Match of applicants who went through it "out
 * of reach" ("2027 → 2028 (2027 out of reach)") where their own page says "not matched, not in SOAP"
 * or "no SOAP position reported"; it stood them at "Rank order list" (their list of the earlier
 * Match) though their next step is the next season's ERAS token; and one who never told us anything
 * read "Match Day: where they matched" on 1 Sep, which is no Match Day but the last day the
 * question stays open.
 */
const THROUGH_ROL: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2022-04-01" },
  { key: "ecfmg_application", status: "done", date: "2023-03-01" },
  { key: "usmle_step1", status: "done", date: "2023-10-01" },
  { key: "usmle_step2ck", status: "done", date: "2024-08-20" },
  { key: "oet_medicine", status: "done", date: "2024-10-05" },
  { key: "ecfmg_pathway", status: "done", date: "2025-01-20" },
  { key: "ecfmg_certification", status: "done", date: "2025-03-15" },
  { key: "eras_token", status: "done", date: "2026-06-12" },
  { key: "eras_application", status: "done", date: "2026-09-10" },
  { key: "nrmp_registration", status: "done", date: "2026-10-02" },
];
const LIST: MilestoneEntry = { key: "rank_order_list", status: "done", date: "2027-02-16" };
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };
const JULY = new Date("2027-07-17T10:00:00Z");

const INTERVIEW = {
  program: "Mercy Internal Medicine",
  timezone: "America/Chicago",
  startsAt: "2026-12-09T09:00:00-06:00",
  format: "virtual" as const,
};

function rowOf(fullName: string, milestones: MilestoneEntry[], interviews: (typeof INTERVIEW)[] = []) {
  const first = fullName.split(" ")[0]?.toLowerCase();
  const applicantId = `a_${first}`;
  const email = `${first}@example.org`;
  const profile = profileFactory({ applicantId, fullName, email, matchYear: 2027, timezone: "Asia/Amman" });
  const plan = domainPlanning.plan({ profile, milestones, interviews, ledger: [] }, JULY);
  return cohortRow({ applicantId, applicant: profile, plan, interviews });
}

const matchCell = (html: string, fullName: string) =>
  html
    .split("<tr>")
    .find((row) => row.includes(`>${fullName}</a>`))
    ?.match(/data-label="Match">(.*?)<\/td>/)?.[1]
    ?.replace(/<[^>]+>/g, "");

describe("the cohort in July of the applicants who went through the 2027 Match", () => {
  const declined = rowOf("Rami Haddad", [
    ...THROUGH_ROL,
    LIST,
    { key: "soap", status: "waived", date: "2027-03-15" },
  ]);
  const soapOnly = rowOf("Lina Aziz", [
    ...THROUGH_ROL,
    LIST,
    { key: "soap", status: "in_progress", date: "2027-03-15" },
  ]);
  const silent = rowOf("Kenji Mori", THROUGH_ROL, [INTERVIEW]);
  const rows = [declined, soapOnly, silent];
  const html = cohortFragment(admin, selectRows(rows, {}, "name"), rows, { sort: "name", page: 1 });

  it("says why the plan moved to 2028 as the applicant's page does, never 'out of reach'", () => {
    expect(matchCell(html, "Rami Haddad")).toBe(
      "Match: 2027 → planned for 2028 (2027: not matched, not in SOAP)",
    );
    expect(matchCell(html, "Lina Aziz")).toBe(
      "Match: 2027 → planned for 2028 (2027: no SOAP position reported)",
    );
    expect(html).not.toContain("2027 out of reach");
  });

  it("stands those moved to 2028 at the next season's ERAS application, not at the earlier list", () => {
    expect(declined.nextDeadline?.title).toBe("ERAS token");
    expect(declined.stage).toBe("application");
    expect(soapOnly.stage).toBe("application");
  });

  it("names the never-told question's date for what it is, not Match Day", () => {
    expect(silent.nextDeadline?.at.startsWith("2027-09-01")).toBe(true);
    expect(silent.nextDeadline?.title).toBe("Never told whether they matched in the 2027 Match: asked until");
    expect(html).not.toContain("Match Day: where they matched");
  });
});
