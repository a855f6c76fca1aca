import { projectedSourcesNote, sourceLinks, sourceLinksHtml } from "./for-people.ts";
import { escapeHtml } from "./html.ts";

/**
 * A risk's or a step's sources (Risk.sources, NextStep.sources) as an email shows them: that a date
 * is projected, with the timeline's address for how (projectedSourcesNote: a projection rule's own
 * addresses are its candidates' pages, another date than the projected one, its words stay on the
 * timeline), then the authorities' pages, each once (sourceLinks); advice notes stay on the
 * timeline too. A step's rules are on its card under "Next steps", a risk's under "Risks to watch".
 * `message`: the risk's, whose "(projected)" dates are said to be projected even with no rule among
 * its sources.
 */
export function sourcesText(
  sources: readonly string[] | undefined,
  timelineUrl?: string,
  about: "risk" | "step" = "risk",
  message = "",
): string | false {
  const links = sourceLinks(sources ?? []);
  const note = projectedSourcesNote(sources ?? [], about, message, links.length);
  const parts = [note && timelineUrl ? `${note} ${timelineUrl}${ANCHOR[about]}` : note];
  if (links.length > 0) parts.push(`Sources: ${links.map((link) => link.url).join(" ")}`);
  const text = parts.filter((part) => part !== "").join(" ");
  return text === "" ? false : text;
}

export function sourcesHtml(
  sources: readonly string[] | undefined,
  timelineUrl?: string,
  about: "risk" | "step" = "risk",
  message = "",
): string | false {
  const links = sourceLinks(sources ?? []);
  const note = projectedSourcesNote(sources ?? [], about, message, links.length);
  const parts = [
    note && timelineUrl
      ? escapeHtml(note).replace(
          "your timeline",
          `<a href="${escapeHtml(`${timelineUrl}${ANCHOR[about]}`)}" target="_blank" rel="noopener noreferrer" style="color:#0b57a4">your timeline</a>`,
        )
      : escapeHtml(note),
  ];
  if (links.length > 0) parts.push(sourceLinksHtml(links));
  const html = parts.filter((part) => part !== "").join(" ");
  return html === "" ? false : html;
}

const ANCHOR = { risk: "#risks", step: "#next" } as const;
