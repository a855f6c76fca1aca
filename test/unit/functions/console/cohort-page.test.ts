import { describe, expect, it } from "vitest";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import { selectRows } from "#domain/console/cohort-row.ts";
import { COHORT_PAGE_ROWS, cohortCsv, cohortFragment } from "../../../../functions/console/pages/cohort.ts";

const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };

function cohort(size: number): CohortRow[] {
  return Array.from({ length: size }, (_, index) => ({
    applicantId: `a_${String(index).padStart(4, "0")}`,
    fullName: `Applicant ${String(index).padStart(4, "0")}`,
    email: `a${index}@example.org`,
    advisorEmail: index % 2 === 0 ? "even@matchpath.example" : "odd@matchpath.example",
    matchYear: 2027,
    visa: "J-1",
    stage: index % 5 === 0 ? "interviews" : "exams",
    risks: { critical: index % 3 === 0 ? 1 : 0, warning: 0, codes: [] },
    overdue: 0,
  }));
}

const rowsIn = (html: string) => html.match(/<tr><td><a href="#\/applicants\//g)?.length ?? 0;

describe("the cohort page", () => {
  const all = cohort(250);

  it("shows one page of rows while the counts per stage cover the whole cohort", () => {
    const html = cohortFragment(admin, selectRows(all, {}, "name"), all, { sort: "name", page: 1 });
    expect(rowsIn(html)).toBe(COHORT_PAGE_ROWS);
    expect(html).toContain("250 in all, 250 match, rows 1–100 shown.");
    expect(html).toContain("Exams and ECFMG: <strong>200</strong>");
    expect(html).toContain("Interviews: <strong>50</strong>");
    expect(html).toContain('href="#/cohort?sort=name&amp;page=2" rel="next"');
    expect(html).not.toContain('rel="prev"');
    // The column counts the applicant's own emails (escalations go to the advisor), and says so.
    expect(html).toContain('<th scope="col">Last email to the applicant</th>');
    expect(html).toContain("none sent to them yet");
  });

  it("keeps filter and sort on every page link and shows the last page's remainder", () => {
    const matched = selectRows(all, { risk: "critical" }, "deadline");
    expect(matched).toHaveLength(84);
    const query = { sort: "deadline" as const, risk: "critical", page: 1 };
    expect(rowsIn(cohortFragment(admin, matched, all, query))).toBe(84);
    expect(cohortFragment(admin, matched, all, query)).not.toContain('rel="next"');

    const last = cohortFragment(admin, selectRows(all, {}, "risk"), all, { sort: "risk", page: 3 });
    expect(rowsIn(last)).toBe(50);
    expect(last).toContain("rows 201–250 shown");
    expect(last).toContain('href="#/cohort?sort=risk&amp;page=2" rel="prev"');
    expect(last).not.toContain('rel="next"');
    const middle = cohortFragment(admin, selectRows(all, {}, "risk"), all, {
      sort: "risk",
      risk: "critical",
      season: "2027",
      page: 2,
    });
    expect(middle).toContain(
      'href="#/cohort?sort=risk&amp;risk=critical&amp;season=2027&amp;page=3" rel="next"',
    );
  });

  it("says a page beyond the last does not exist and shows the last one", () => {
    const beyond = cohortFragment(admin, selectRows(all, {}, "risk"), all, { sort: "risk", page: 99999 });
    expect(beyond).toContain(
      "There is no page 99999: 250 applicants match, on 3 pages. Showing page 3, the last.",
    );
    expect(rowsIn(beyond)).toBe(50);
    expect(beyond).toContain("Page 3 of 3");
    expect(beyond).toContain('href="#/cohort?sort=risk&amp;page=2" rel="prev"');
    const one = cohortFragment(admin, selectRows(all, { risk: "critical" }, "risk"), all, {
      sort: "risk",
      risk: "critical",
      page: 2,
    });
    expect(one).toContain("There is no page 2: 84 applicants match, on 1 page. Showing page 1, the last.");
    expect(cohortFragment(admin, selectRows(all, {}, "risk"), all, { sort: "risk", page: 3 })).not.toContain(
      "There is no page",
    );
  });

  it("shows the last page for a page number past the end", () => {
    const html = cohortFragment(admin, selectRows(all, {}, "name"), all, { sort: "name", page: 99 });
    expect(rowsIn(html)).toBe(50);
    expect(html).toContain("Page 3 of 3");
  });

  it("exports every matching row in the CSV, not one page, and links the export without a page", () => {
    expect(cohortCsv(all).trimEnd().split("\r\n")).toHaveLength(251);
    const html = cohortFragment(admin, all, all, { sort: "risk", page: 2 });
    expect(html).toContain('href="/console/cohort.csv?sort=risk"');
  });
});
