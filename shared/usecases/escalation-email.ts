import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import { laterPlannedMatchYear, matchNamed } from "#domain/match-year-heading.ts";
import type { Plan } from "#domain/plan.ts";
import { escapeHtml } from "#email/html.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { aboutApplicant, type Escalation } from "./escalation.ts";
import type { EscalationDeps } from "./escalation-send.ts";
import { applicantHeldBack } from "./held-back.ts";

/**
 * The addresses the risk's sources cite, once each: an advisor reading on a phone gets a short list,
 * and the projection notes stay on the console page.
 */
function sourceUrls(sources: readonly string[]): string[] {
  // A projection rule's addresses are its candidates' pages, which give another date than the one
  // projected, as the applicant's email says (for-people.ts sourceLinks);
  // the rule is on the applicant's page.
  const urls = sources
    .filter((source) => !source.startsWith("projected: "))
    .flatMap((source) => source.match(/https?:\/\/[^\s;,)]+/g) ?? []);
  return [...new Set(urls.map((url) => url.replace(/[.:]$/, "")))].filter((url) => URL.canParse(url));
}

/**
 * What the advisor reads about the risk: worded again with whether the applicant was told, by the
 * rule the digest uses (applicantHeldBack), so an applicant whose address bounced is never said
 * to have been told. An overdue step's detail is the escalation's own.
 */
async function detailFor(
  state: ApplicantState,
  escalation: Escalation,
  deps: Pick<EscalationDeps, "suppression">,
): Promise<string> {
  if (escalation.risk === undefined) return escalation.detail;
  const heldBack = await applicantHeldBack(state.profile, deps.suppression);
  return riskForAdvisor(escalation.risk, { ...aboutApplicant(state), heldBack: heldBack?.reason });
}

/**
 * The advisor's email for the escalations one plan raises at once: subject, text and HTML, with a
 * link to the applicant's console page. One escalation reads as it always did; several go in one
 * email, numbered, its subject naming the first and how many more ("… (+1 more)", as the
 * applicant's reminder emails do), where two emails went out in the same second. It names the
 * Match the plan is dated for, as the digest does (matchNamed).
 */
export async function escalationEmail(
  state: ApplicantState,
  plan: Pick<Plan, "matchYear" | "risks">,
  escalations: readonly Escalation[],
  to: string,
  deps: EscalationDeps,
) {
  const [first] = escalations;
  if (first === undefined) throw new RangeError("An escalation email needs at least one escalation");
  const { profile } = state;
  const link = deps.consoleUrl(profile.applicantId);
  const plannedMatchYear = laterPlannedMatchYear(plan);
  const match = matchNamed({
    matchYear: profile.matchYear,
    ...(plannedMatchYear === undefined ? {} : { plannedMatchYear }),
  });
  const more = escalations.length > 1 ? ` (+${escalations.length - 1} more)` : "";
  const subject = `Matchpath: ${profile.fullName} needs attention: ${first.title}${more}`.replace(
    /[\r\n]+/g,
    " ",
  );
  const items = await Promise.all(
    escalations.map(async (escalation) => ({
      title: escalation.title,
      detail: await detailFor(state, escalation, deps),
      sources: sourceUrls(escalation.sources ?? []),
    })),
  );
  const intro = `${profile.fullName} (Match ${match}) agreed that you are told when their plan turns critical.`;
  const numbered = items.length > 1;
  const heading = `${items.length} things in ${profile.fullName}'s plan need attention`;
  const text = [
    intro,
    ...(numbered ? ["", `${heading}:`] : []),
    ...items.flatMap((item, index) => [
      "",
      numbered ? `${index + 1}. ${item.title}` : item.title,
      item.detail,
      ...(item.sources.length > 0
        ? ["", `Sources: ${item.sources.join(" ")} (the notes beside them are on their page)`]
        : []),
    ]),
    "",
    `Open their page in the console: ${link}`,
  ].join("\n");
  // One heading level per email: the risk's title as its h1 alone, else a count over h2 titles.
  const titleTag = numbered ? "h2" : "h1";
  const itemsHtml = items
    .map(
      (
        item,
      ) => `<${titleTag} style="font-size:${numbered ? "1.1em" : "1.2em"}">${escapeHtml(item.title)}</${titleTag}>
<p>${escapeHtml(item.detail)}</p>
${item.sources.length > 0 ? `<p style="font-size:0.85em;color:#555">Sources: ${item.sources.map((url) => `<a href="${escapeHtml(url)}">${escapeHtml(new URL(url).host)}</a>`).join(", ")} (the notes beside them are on their page)</p>` : ""}`,
    )
    .join("\n");
  // Titled as the subject reads, so a screen reader announces what the email is about.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
<p>${escapeHtml(intro)}</p>
${numbered ? `<h1 style="font-size:1.2em">${escapeHtml(heading)}</h1>\n` : ""}${itemsHtml}
<p><a href="${escapeHtml(link)}">Open their page in the console</a></p>
</body></html>`;
  return {
    to,
    subject,
    text,
    html,
    headers: [],
    tags: { applicantId: profile.applicantId, kind: "escalation" },
  };
}
