/** One problem with a season data file, at its JSON path (e.g. ["seasons", 1, "dates", 0]). */
export interface SeasonDataProblem {
  path: (string | number)[];
  message: string;
}

/** The file a season data problem is in, as the repository names it. */
export const CONFIRMED_FILE = "shared/domain/seasons/confirmed.json";

/** A JSON path as it reads in the file: seasons[1].dates[0].date. */
function pathWords(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index > 0 ? "." : ""}${part}`))
    .join("");
}

/**
 * confirmed.json fails its schema or its season order: the file's fault, not an applicant's (no
 * field of a snapshot can repair it). Its message names the file and each entry:
 * "shared/domain/seasons/confirmed.json: seasons[1].dates[1].date: must be a calendar date YYYY-MM-DD".
 */
export class SeasonDataError extends Error {
  constructor(readonly problems: readonly SeasonDataProblem[]) {
    super(
      problems
        .map((problem) => `${CONFIRMED_FILE}: ${pathWords(problem.path)}: ${problem.message}`)
        .join("\n"),
    );
    this.name = "SeasonDataError";
  }
}
