import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";

/** The steps whose question name is not the catalog's advisorName: the applicant's own, or a shorter one. */
const OWN_NAMES: Partial<Record<MilestoneKey, string>> = {
  match_week: "Match Week",
  match_day: "Match Day",
  ecfmg_application: "your Application for ECFMG Certification",
  contract: "your program contract",
  rank_order_list: "your rank order list's certification",
  nrmp_registration: "your NRMP registration",
  j1_ds2019: "your DS-2019",
  j1_ecfmg_sponsorship: "your J-1 sponsorship application to ECFMG",
  visa_j1: "your J-1 visa",
};

/**
 * Each step's name in the questions about answers that disagree (DONE_DATES_OUT_OF_ORDER), by
 * catalog index: the catalog's noun phrase, in the applicant's voice where it names "they".
 */
export const QUESTION_NAMES: readonly string[] = MILESTONE_CATALOG.map(
  (entry) => OWN_NAMES[entry.key] ?? entry.advisorName,
);
