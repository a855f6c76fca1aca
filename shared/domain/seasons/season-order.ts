import type { ConfirmedFile } from "./confirmed-schema.ts";
import type { SeasonDate, SeasonDateKey } from "./index.ts";
import type { SeasonDataProblem } from "./season-data-error.ts";

/**
 * Season dates in the order NRMP's and AAMC's calendars keep them in every season on record (each
 * chain strictly increasing). The rank order list's opening and the programs' quota deadline are
 * not ordered between them: the 2023 Match opened ranking on Feb 1, after its Jan 31 quota deadline,
 * and the 2026 Match opened it first (projection-rules.json); each comes before the ROL deadline.
 */
const SEASON_ORDER: readonly (readonly SeasonDateKey[])[] = [
  [
    "nrmp_applicant_registration_opens",
    "nrmp_early_registration_deadline_late_fee_after",
    "nrmp_rank_order_list_entry_opens",
    "nrmp_rol_certification_and_late_registration_deadline",
    "nrmp_match_week_start_and_soap_start",
    "nrmp_soap_ends",
    "nrmp_match_day",
    "residency_start",
  ],
  ["nrmp_program_quota_withdrawal_soap_deadline", "nrmp_rol_certification_and_late_registration_deadline"],
  [
    "eras_previous_season_ends",
    "eras_season_opens_myeras",
    "eras_applicants_may_submit",
    "eras_programs_may_review_applications_and_mspe",
    "eras_season_ends",
  ],
];

function dateWords(date: SeasonDate): string {
  return `${date.date}${date.time === null ? "" : ` ${date.time}`} ET, ${date.status}`;
}

/**
 * For each confirmed season, every pair of its calendar's dates (`datesOf`: its confirmed dates
 * with the rules' projection of the rest) out of their season order: one problem per pair, at the
 * confirmed entry (the earlier key's when both are confirmed), naming both keys. A pair of projected
 * dates is the rules' own (test/unit/domain/seasons.test.ts), so never reported here.
 */
export function orderProblems(
  file: ConfirmedFile,
  datesOf: (season: ConfirmedFile["seasons"][number]) => Readonly<Record<SeasonDateKey, SeasonDate>>,
): SeasonDataProblem[] {
  return file.seasons.flatMap((season, seasonIndex) => {
    const dates = datesOf(season);
    const entryOf = (key: SeasonDateKey) => season.dates.findIndex((entry) => entry.key === key);
    return SEASON_ORDER.flatMap((chain) =>
      chain.slice(1).flatMap((later, index) => {
        const earlier = chain[index] as SeasonDateKey;
        if (dates[earlier].at < dates[later].at) return [];
        const at = entryOf(earlier) >= 0 ? entryOf(earlier) : entryOf(later);
        if (at < 0) return [];
        return [
          {
            path: ["seasons", seasonIndex, "dates", at],
            message: `${earlier} (${dateWords(dates[earlier])}) must come before ${later} (${dateWords(dates[later])}) in the ${season.matchYear} Match`,
          },
        ];
      }),
    );
  });
}
