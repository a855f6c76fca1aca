/**
 * What Matchpath knows of a season's Pathways deadlines while they are projected: not that ECFMG
 * has not published them (it may have), but that its data does not confirm them, as
 * the README's PROJECTED_NOTE puts projected dates. Shared by the feasibility risks and the card of
 * a Pathway presumed sent.
 */
export function pathwaysUnconfirmed(matchYear: number): string {
  return `ECFMG's ${matchYear} Pathways deadlines are not yet confirmed in Matchpath's data`;
}
