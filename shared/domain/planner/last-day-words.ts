/** MATCH_YEAR_LAST_DAY's fixed words (match-year-last-day.ts), apart so that file stays one concern's size. */

/** What misses its deadline a minute after the last day, by LastWorking.bound. */
export const AFTER_THAT_DAY = {
  pathway: "after that day your Pathway application would miss its projected deadline",
  documents:
    "after that day your OET result would reach ECFMG after its projected deadline for a Pathway application's supporting documents, {documents} (projected), and ECFMG would likely reject the application",
  exams:
    "after that day, on our projection, your exams and Pathway would reach NRMP after the rank order list deadline",
} as const;

/** "Wed 27 Jan 2027" from "by Wed 27 Jan 2027", "Sat 26 Dec 2026, 6:00 PM PST (…)" from "today, by Sat 26 Dec 2026, 6:00 PM PST (…)". */
export function dayOf(by: string): string {
  return by.replace(/^((today|tomorrow), )?by /, "");
}

/** "a, b and c". */
export function listed(parts: readonly string[]): string {
  return parts.length < 2
    ? (parts[0] ?? "")
    : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
