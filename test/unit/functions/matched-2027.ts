import type { MilestoneEntry } from "#domain/snapshot.ts";

/**
 * Everything before the Match done for the 2027 Match, Match Week and Match Day reported (matched
 * on Fri 19 Mar 2027): the one-tap pages' tests of post-Match steps add the visa track's steps to it.
 */
export const MATCHED_2027: readonly MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2025-01-10" },
  { key: "ecfmg_application", status: "done", date: "2025-02-01" },
  { key: "usmle_step1", status: "done", date: "2025-08-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-03-01", score: 245 },
  { key: "oet_medicine", status: "done", date: "2026-01-20" },
  { key: "ecfmg_pathway", status: "done", date: "2026-04-01" },
  { key: "ecfmg_certification", status: "done", date: "2026-06-01" },
  { key: "usce", status: "done", date: "2026-05-01" },
  { key: "lors", status: "done", date: "2026-08-20" },
  { key: "personal_statement", status: "done", date: "2026-08-25" },
  { key: "cv", status: "done", date: "2026-08-25" },
  { key: "program_list", status: "done", date: "2026-08-30" },
  { key: "eras_token", status: "done", date: "2026-06-20" },
  { key: "eras_application", status: "done", date: "2026-09-05" },
  { key: "budget", status: "done", date: "2026-05-01" },
  { key: "nrmp_registration", status: "done", date: "2026-09-20" },
  { key: "rank_order_list", status: "done", date: "2027-02-20" },
  { key: "research", status: "waived" },
  { key: "match_week", status: "done", date: "2027-03-15" },
  { key: "match_day", status: "done", date: "2027-03-19" },
];
