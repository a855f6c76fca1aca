import * as z from "zod";

/**
 * How every catalog fact is cited: basis "official" or "secondary" with a source URL from
 * shared/domain/facts.md, or "advice" with the reason (a source starting "advice:").
 */

export const CitationFields = {
  basis: z.enum(["official", "secondary", "advice"]),
  source: z.string().min(1),
  note: z.string().optional(),
};

export function citedCorrectly(citation: { basis: string; source: string }, ctx: z.RefinementCtx): void {
  const isUrl = /^https?:\/\//.test(citation.source);
  if (citation.basis === "advice" && !citation.source.startsWith("advice:")) {
    ctx.addIssue({ code: "custom", message: "advice must say why, starting with 'advice:'" });
  }
  if (citation.basis !== "advice" && !isUrl) {
    ctx.addIssue({ code: "custom", message: `${citation.basis} facts need a source URL` });
  }
}

export const CitationSchema = z.object(CitationFields).superRefine(citedCorrectly);
export type Citation = z.infer<typeof CitationSchema>;
