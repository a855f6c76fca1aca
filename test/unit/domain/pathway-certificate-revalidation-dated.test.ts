import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { pathwayDeadline } from "#domain/planner/pathway-deadlines.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The certificate-revalidation notice was dated by the rank
 * order list deadline, its second reminder fell after the projected Pathways close its words name
 * (2028: 1 Apr 2027 and 10 Feb 2028, with the close on 25 Dec 2027), and it rode on whatever step
 * came first (the letters', USCE's, SOAP's, NRMP's or the rank list's card). Now it is on the
 * certificate's card, dated by that projected close, every reminder before it, none after; past it,
 * the warning stays and says what to ask ECFMG. The warning names the close as the notice does, in
 * both zones where the applicant's day is not ET's (it named ET's day alone, a day early east of ET). Replayed on the reported applicants: the 2028
 * re-applicant, and a 2027 applicant whose certificate came through a 2025 Pathway.
 */
const DIR = fileURLToPath(new URL("../../fixtures/notices-after-the-match/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot => readSnapshot(DIR, file);
const planOf = planInOwnMatch;
const noticesOf = (result: Plan) =>
  result.reminders.filter((each) => each.risk === "PATHWAY_CERTIFICATE_MAY_EXPIRE");
const riskOf = (result: Plan) => result.risks.find((each) => each.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");

const KATHMANDU = snapshotOf("unmatched-2027-switched-to-2028-kathmandu.json");
const LAGOS = snapshotOf("late-arrival-lagos-nrmp-early-deadline-day.json");

describe("the revalidation notice is dated by the Pathways close it names", () => {
  it.each([
    // The first notice's instant: the next delivery slot (09:00 local), now itself at 09:00.
    // The title names the close as the Due line does: the applicant's day, with ET where that is another.
    [
      KATHMANDU,
      "2027-04-01T09:00:00+05:45",
      2028,
      "2027-04-01T09:00:00+05:45",
      "Sun 26 Dec 2027, 4:45 AM GMT+5:45 (Sat 25 Dec 2027, 6:00 PM ET)",
    ],
    [
      LAGOS,
      "2026-11-30T13:00:00+01:00",
      2027,
      "2026-12-01T09:00:00+01:00",
      "Sat 26 Dec 2026, end of the day (midnight GMT+1) (Sat 26 Dec 2026, 6:00 PM ET)",
    ],
  ])(
    "%#: on the certificate's card, due by the projected close, every reminder before it",
    (snapshot, now, year, firstAt, closes) => {
      const close = pathwayDeadline(seasonCalendar(year)) ?? Number.NaN;
      const result = planOf(snapshot, now);
      // The warning names the close as the notice does: ET's day alone read as hers where hers is the next.
      expect(riskOf(result)?.message).toContain(`projects to close for the ${year} Match on ${closes};`);
      const notices = noticesOf(result);
      expect(notices).toHaveLength(2);
      for (const notice of notices) {
        expect(notice.milestone).toBe("ecfmg_certification");
        expect(notice.deadline).toBe(new Date(close).toISOString());
        expect(notice.deadlineDetail.basis).toBe("projected");
        expect(notice.title).toContain(`before Pathways closes, ${closes} (projected)`);
        expect(notice.title).not.toContain("rank order list");
        expect(Date.parse(notice.sendAt)).toBeLessThan(close);
      }
      // The first at the next delivery slot (a catch-up, no late arrival: it went at once before);
      // the second at the delivery slot 14 days before the close.
      expect(notices[0]?.sendAt).toBe(new Date(firstAt).toISOString());
      const before = close - Date.parse(notices[1]?.sendAt ?? "");
      expect(before).toBeGreaterThan(13 * DAY_MS);
      expect(before).toBeLessThanOrEqual(15 * DAY_MS);
    },
  );

  it("rides on no other card at any instant up to the close, and none is laid after it", () => {
    const close = pathwayDeadline(seasonCalendar(2028)) ?? Number.NaN;
    for (const now of [
      "2027-04-01T09:00:00+05:45",
      "2027-07-05T09:00:00+05:45",
      "2027-10-01T09:00:00+05:45",
    ]) {
      for (const notice of noticesOf(planOf(KATHMANDU, now))) {
        expect(notice.milestone).toBe("ecfmg_certification");
        expect(Date.parse(notice.sendAt)).toBeLessThanOrEqual(close);
      }
    }
  });

  it("past the close, before the rank order list deadline: no notice, and the warning says what to ask ECFMG", () => {
    const result = planOf(LAGOS, "2027-01-10T10:00:00+01:00");
    expect(noticesOf(result)).toEqual([]);
    const message = riskOf(result)?.message ?? "";
    expect(message).toContain(
      "the day this plan projected for it to close for the 2027 Match, Sat 26 Dec 2026, end of the day (midnight GMT+1) (Sat 26 Dec 2026, 6:00 PM ET), has passed",
    );
    expect(message).toContain(
      "ask ECFMG now (in MyIntealth) whether Revalidation for the 2027 Match is still open to you",
    );
    expect(message).not.toContain("rank order list deadline");
    const kathmandu = planOf(KATHMANDU, "2028-01-05T09:00:00+05:45");
    expect(noticesOf(kathmandu)).toEqual([]);
    expect(riskOf(kathmandu)?.message).toContain(
      "Sun 26 Dec 2027, 4:45 AM GMT+5:45 (Sat 25 Dec 2027, 6:00 PM ET), has passed",
    );
  });
});
