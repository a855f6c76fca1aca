/**
 * A risk's message as an advisor reads it first: the plain sentence, and apart from it where its
 * dates come from. The planner's messages carry their provenance inline, in parentheses: a source
 * URL, or a projected date's rule with its candidate seasons and their URLs ("(a projected date,
 * projected: Match Day minus 23 days … https://…)"). Read aloud in an escalation or the Risks panel
 * that buries the sentence, so each such parenthesis is taken out (a projected one leaves
 * "(projected)": the date stays marked as projected) and kept as a source, shown as a secondary
 * detail. Parentheses without a URL or a projection ("(23 days)", "(a Wednesday)") stay. Pure.
 */
export interface PlainRisk {
  /** The message without its inline provenance. */
  sentence: string;
  /** The provenance taken out, in order: URLs and projection rules. */
  sources: string[];
}

const PROJECTED = /^\s*(a projected date|projected)\b/i;
const URL = /https?:\/\/[^\s),;]+/;

/**
 * `riskSources` is the risk's own `sources` (Risk.sources: the season dates' projection rules and
 * pages, which the planner now keeps out of the sentence); they come first, then what is parsed.
 */
export function plainRisk(message: string, riskSources: readonly string[] = []): PlainRisk {
  const sources: string[] = [...riskSources];
  let sentence = "";
  let index = 0;
  while (index < message.length) {
    const open = message.indexOf("(", index);
    if (open === -1) {
      sentence += message.slice(index);
      break;
    }
    const close = matchingParenthesis(message, open);
    if (close === -1) {
      sentence += message.slice(index);
      break;
    }
    const inside = message.slice(open + 1, close);
    sentence += message.slice(index, open);
    if (PROJECTED.test(inside)) {
      sentence += "(projected)";
      sources.push(inside.trim());
    } else if (URL.test(inside)) {
      sources.push(inside.trim());
    } else {
      sentence += message.slice(open, close + 1);
    }
    index = close + 1;
  }
  // A bare URL left in the sentence is a source too.
  sentence = sentence.replace(new RegExp(URL.source, "g"), (url) => {
    sources.push(url);
    return "";
  });
  return {
    sentence: sentence
      .replace(/\s+/g, " ")
      .replace(/\s+([.,;:])/g, "$1")
      .trim(),
    sources,
  };
}

/** The index of the ")" closing the "(" at `open`, or -1 when it is never closed. */
function matchingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === "(") depth++;
    else if (text[at] === ")" && --depth === 0) return at;
  }
  return -1;
}
