import Mustache from "mustache";
import { matchNamed } from "#domain/match-year-heading.ts";
import { escapeHtml, headerText } from "./html.ts";
import { DIGEST_HTML } from "./templates/digest.compiled.ts";

/** One applicant's news in an advisor's daily digest: what is new since the last digest. */
export interface DigestEntry {
  applicantId: string;
  fullName: string;
  matchYear: number;
  /**
   * The later Match the applicant's plan is dated for when `matchYear` is out of reach
   * (laterPlannedMatchYear), so the digest names the Match the dates are for, as the cohort does.
   */
  plannedMatchYear?: number;
  /**
   * Said once, in the first digest after it became so: Matchpath cannot reach the applicant (their
   * address is suppressed), and what to ask them for.
   */
  cannotReach?: string;
  /** New critical and warning risks, critical first: the risk in words and the planner's message. */
  risks: { severity: "critical" | "warning"; title: string; message: string }[];
  /** Steps newly overdue: their title and the deadline that passed, in ET as the authorities set it. */
  overdue: { title: string; due: string }[];
  /** The applicant's page in the console (through the shell, which signs in first). */
  consoleUrl: string;
}

export interface DigestEmailInput {
  /** The day the digest covers, in words (e.g. "Monday 30 November 2026"). */
  day: string;
  /** The day of the advisor's previous digest, in words, when one was sent. */
  since?: string;
  /** No digest was made for this advisor before: everything open is news. */
  first?: boolean;
  /** At least one; in the order shown (the use case puts applicants with critical news first). */
  entries: readonly DigestEntry[];
  /** The advisor's cohort page in the console. */
  cohortUrl: string;
}

const WHY =
  "You get this daily digest because your Matchpath deployment lists you as an advisor who asked for it (DIGEST_ADVISORS). It is sent only on days with something new. Ask whoever runs Matchpath to take you off the list.";

/**
 * The advisor's daily digest: the same email framework as the reminders, the MJML
 * layout compiled at build time (templates/digest.mjml) filled with Mustache and escaped, and a
 * plain-text part with the same content. Pure.
 */
export function renderDigestEmail(input: DigestEmailInput): { subject: string; html: string; text: string } {
  const count = input.entries.length;
  const who = count === 1 ? "1 applicant has" : `${count} applicants have`;
  const heading = `${who} news`;
  const subject = headerText(`Matchpath daily digest, ${input.day}: ${who} news`);
  const intro = introOf(input);
  const view = {
    heading,
    preview: intro,
    intro,
    cohortUrl: input.cohortUrl,
    whyYouGetThis: WHY,
    applicants: input.entries.map((entry) => ({
      name: entry.fullName,
      matchYear: matchNamed(entry),
      url: entry.consoleUrl,
      accent: entry.risks.some((risk) => risk.severity === "critical") ? "#8c1d18" : "#7a4b00",
      cannotReach: entry.cannotReach,
      hasRisks: entry.risks.length > 0,
      risks: entry.risks,
      hasOverdue: entry.overdue.length > 0,
      overdue: entry.overdue,
    })),
  };
  const html = Mustache.render(DIGEST_HTML, view, {}, { escape: escapeHtml });
  return { subject, html, text: renderText(heading, intro, input) };
}

/**
 * The intro names the kinds of news the digest holds, and only those: a digest whose only news is
 * an applicant Matchpath cannot reach must not open with "New risks and newly overdue steps".
 */
function introOf(input: DigestEmailInput): string {
  const risks = input.entries.some((entry) => entry.risks.length > 0);
  const overdue = input.entries.some((entry) => entry.overdue.length > 0);
  const unreachable = input.entries.filter((entry) => entry.cannotReach !== undefined).length;
  const when = input.since === undefined ? `as of ${input.day}` : `since your last digest of ${input.since}`;
  if (input.first) {
    const open = [risks ? "risk" : "", overdue ? "overdue step" : ""].filter((kind) => kind !== "");
    const parts = open.length > 0 ? [`every open ${open.join(" and ")}`] : [];
    if (unreachable > 0)
      parts.push(
        unreachable === 1 ? "an applicant Matchpath cannot reach" : "applicants Matchpath cannot reach",
      );
    return `Your first digest: ${inWords(parts)}, ${when}.`;
  }
  const parts = [risks ? "new risks" : "", overdue ? "newly overdue steps" : ""].filter(
    (kind) => kind !== "",
  );
  if (unreachable > 0)
    parts.push(
      unreachable === 1
        ? "an applicant Matchpath can no longer reach"
        : "applicants Matchpath can no longer reach",
    );
  const said = inWords(parts);
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}, ${when}.`;
}

/** "a", "a and b", "a, b and c". */
function inWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function renderText(heading: string, intro: string, input: DigestEmailInput): string {
  const lines = [heading, "", intro, ""];
  for (const entry of input.entries) {
    lines.push(`${entry.fullName} (Match ${matchNamed(entry)})`);
    if (entry.cannotReach !== undefined) lines.push(`  - ${entry.cannotReach}`);
    for (const risk of entry.risks)
      lines.push(`  - New ${risk.severity} risk: ${risk.title}. ${risk.message}`);
    for (const step of entry.overdue) lines.push(`  - Newly overdue: ${step.title}, was due ${step.due}`);
    lines.push(`  Open in the console: ${entry.consoleUrl}`, "");
  }
  lines.push(`Your cohort: ${input.cohortUrl}`, "", WHY);
  return lines.join("\n");
}
