import { stepName } from "#domain/console/advisor-voice.ts";
import { STAGES, type Stage } from "#domain/console/stage.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { sourceLinks } from "#email/for-people.ts";
import { escapeHtml as h } from "#email/html.ts";

/**
 * What every console page shares. Protected routes answer fragments that the shell swaps into its
 * <main> (htmx); links are #/paths the shell routes, so the bearer token rides on every request.
 */
export { h };

/** An ISO instant as a <time> element, minutes in UTC; "—" when absent. */
export function when(iso: string | undefined | null): string {
  if (!iso) return "—";
  return `<time datetime="${h(iso)}">${h(iso.slice(0, 16).replace("T", " "))} UTC</time>`;
}

/** A refused request: the title, what was wrong with each field (RFC 9457 `errors`), and a way back. */
export function problemFragment(
  title: string,
  detail: string,
  errors: readonly { path: string; message: string }[] = [],
): string {
  const fields =
    errors.length === 0
      ? ""
      : `<ul>${errors.map((error) => `<li><strong>${h(error.path || "request")}</strong>: ${h(error.message)}</li>`).join("")}</ul>`;
  return `<h1>${h(title)}</h1><div role="alert"><p>${h(detail)}</p>${fields}</div><p><a href="#/cohort">Back to the cohort</a></p>`;
}

/** A milestone as the advisor names it (advisor-voice.ts: usmle_step3 → "USMLE Step 3", never "your"). */
export function titleOf(key: MilestoneKey): string {
  return stepName(key);
}

export function isStage(value: string | undefined): value is Stage {
  return value !== undefined && (STAGES as readonly string[]).includes(value);
}

/**
 * Where a sentence's dates come from, after it and compact, as the emails show them (for-people.ts):
 * " Sources: aamc.org · nrmp.org", each a link to the authority's page ("" when none has one). No
 * inline style: the console's CSP allows none. Phrasing content, to end the sentence's paragraph.
 */
export function sourceLinksAfter(sources: readonly string[]): string {
  const links = sourceLinks(sources);
  if (links.length === 0) return "";
  return ` <span class="source-links">Sources: ${links.map((link) => `<a href="${h(link.url)}" target="_blank" rel="noopener noreferrer">${h(link.label)}</a>`).join(" · ")}</span>`;
}

/** The sources in full (a projection's rule, which no page states), collapsed below the sentence. */
export function sourcesInFull(sources: readonly string[]): string {
  if (sources.length === 0) return "";
  return `<details class="sources"><summary>How these dates are known</summary><ul>${sources.map((source) => `<li>${h(source)}</li>`).join("")}</ul></details>`;
}
