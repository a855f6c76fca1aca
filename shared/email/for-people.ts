import { escapeHtml } from "./html.ts";

/**
 * The planner's texts as an applicant reads them, in an email or on the timeline page.
 * The plan keeps its provenance whole (rule text, catalog keys,
 * internal source names: the CLI and the console show it); what the applicant sees names its
 * sources in words and the authorities' pages as links (the email) or addresses (the timeline,
 * whose CSP allows no inline style).
 */

/** An address in running text; a closing parenthesis or full stop after it is the sentence's. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"')]+[^\s<>"').,;:]/g;

/**
 * The catalog's name for the article its advice comes from ("advice: seed article (The US
 * Residency Process for IMGs)", milestones.json), which an applicant cannot know, as its title.
 */
const SEED_ARTICLE = /advice: seed article(?: \(The US Residency Process for IMGs\))?/g;
const SEED_ARTICLE_FOR_PEOPLE = "advice from the guide “The US Residency Process for IMGs”";

/** The planner's label of advice no authority backs (advice.ts), which reads as internal provenance. */
const NO_AUTHORITY = /\(advice: no authority sets this\)/g;
const NO_AUTHORITY_FOR_PEOPLE = "(Matchpath advice: no rule requires it)";

/** A step's, reminder's or risk's text with internal source names said in words (both parts). */
export function forPeople(text: string): string {
  return text.replace(SEED_ARTICLE, SEED_ARTICLE_FOR_PEOPLE).replace(NO_AUTHORITY, NO_AUTHORITY_FOR_PEOPLE);
}

/**
 * {@link forPeople} text as HTML: escaped, and every address in it a link that opens a new window
 * (the plain-text part keeps the address; mail clients link it there themselves).
 */
export function forPeopleHtml(text: string): string {
  const plain = forPeople(text);
  let html = "";
  let last = 0;
  for (const match of plain.matchAll(URL_IN_TEXT)) {
    html += escapeHtml(plain.slice(last, match.index));
    html += link(match[0], hostOf(match[0]));
    last = match.index + match[0].length;
  }
  return html + escapeHtml(plain.slice(last));
}

export interface SourceLink {
  url: string;
  /** The page's site, e.g. "nrmp.org"; a second page of one site gets "nrmp.org (2)". */
  label: string;
}

/**
 * The authorities' pages among a risk's sources, once each, in order. Rule text and advice notes
 * ("projected: Match Day minus 23 days", "target: -42 days from the ecfmg_pathway target") are
 * left to the timeline, which the email links.
 */
export function sourceLinks(sources: readonly string[]): SourceLink[] {
  // A projection rule's addresses are its candidates' pages, which give another date than the one
  // projected, also inside a rule counted from it (a step's target "… (projected: …)"): the rule
  // is named in words instead (projectionWords).
  const urls = [
    ...new Set(
      sources
        .filter((source) => !source.includes(PROJECTED))
        .flatMap((source) => [...source.matchAll(URL_IN_TEXT)].map((m) => m[0])),
    ),
  ];
  const seen = new Map<string, number>();
  return urls.map((url) => {
    const host = hostOf(url);
    const count = (seen.get(host) ?? 0) + 1;
    seen.set(host, count);
    return { url, label: count === 1 ? host : `${host} (${count})` };
  });
}

const PROJECTED = "projected: ";

/**
 * That a risk's or a step's date is projected, by whose rule, and where the rule is: the timeline,
 * whose risks and step cards show each rule in full under "Where these dates come from". The email
 * prints no rule ("Match Day minus 23 days (a Wednesday), 9:00 PM ET" is rule text, which the README
 * keeps on the timeline), but says the date is Matchpath's projection, not the pages listed after
 * it (`pages` of them): those back other facts (a press release on when interviews take place read
 * as the source of "Programs began reviewing applications on Wed 23 Sep 2026 (projected)"). Said
 * when a source is a projection rule or `message` marks a date "(projected)"; "" otherwise.
 */
export function projectedSourcesNote(
  sources: readonly string[],
  about: "risk" | "step" = "risk",
  message = "",
  pages = 0,
): string {
  if (!message.includes(PROJECTED_MARK) && !sources.some(isProjectionRule)) return "";
  const notPages = pages > 0 ? ", not taken from the pages below," : "";
  return `A date in this ${about} is projected by Matchpath's rule${notPages} and your timeline shows how it is set.`;
}
const PROJECTED_MARK = "(projected)";

/**
 * Whether a source is the rule of a projected date: it names a projection ("projected: …") and is
 * not our advice counted from one ("residency_start (projected: July 1 …) -14 days; advice: …",
 * the certificate's date), which every display calls our advice, never projected.
 */
function isProjectionRule(source: string): boolean {
  return source.includes(PROJECTED) && !ADVICE_RULE.test(source);
}
const ADVICE_RULE = /(^|; )advice: /;

/** The sources line of a risk in the HTML part: "Sources: nrmp.org · ecfmg.org", each a link. */
export function sourceLinksHtml(links: readonly SourceLink[]): string {
  return `Sources: ${links.map((source) => link(source.url, source.label)).join(" · ")}`;
}

function link(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer" style="color:#0b57a4">${escapeHtml(label)}</a>`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
