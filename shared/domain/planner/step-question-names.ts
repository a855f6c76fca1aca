import { MILESTONE_CATALOG } from "../catalog/index.ts";

/**
 * Each step's name in the questions about answers that disagree (DONE_DATES_OUT_OF_ORDER), by
 * catalog index: the catalog's noun phrase, in the applicant's voice where it names "they".
 */
export const QUESTION_NAMES: readonly string[] = MILESTONE_CATALOG.map((entry) =>
  entry.key === "match_week"
    ? "Match Week"
    : entry.key === "match_day"
      ? "Match Day"
      : entry.key === "ecfmg_application"
        ? "your Application for ECFMG Certification"
        : entry.key === "contract"
          ? "your program contract"
          : entry.key === "rank_order_list"
            ? "your rank order list's certification"
            : entry.key === "nrmp_registration"
              ? "your NRMP registration"
              : entry.key === "j1_ds2019"
                ? "your DS-2019"
                : entry.key === "j1_ecfmg_sponsorship"
                  ? "your J-1 sponsorship application to ECFMG"
                  : entry.key === "visa_j1"
                    ? "your J-1 visa"
                    : entry.advisorName,
);
