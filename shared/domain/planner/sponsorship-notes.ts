import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { isFinished, type PlanContext } from "./context.ts";

/**
 * What the visa asks of two steps of Match Week and after, said on their cards by track (the step's
 * own words are the same for everyone).
 *
 * SOAP: an offer accepted in SOAP is a binding commitment, as a match is (NRMP, "The Match
 * Commitment: What You Need to Know", http://www.nrmp.org/policies/the-match-commitment/, and its
 * Match Participation Agreement: "The same binding commitment is established during … SOAP … if a
 * program offers a position … and the applicant accepts that offer"), and SOAP allows at most 45
 * applications (soap-cap-words.ts). So an applicant who needs a visa sends them only to unfilled
 * programs that sponsor it: a binding position with a program that will not sponsor the visa is one
 * they cannot start (advice). Which programs sponsor which visa is each program's choice; the plan
 * does not claim the List of Unfilled Programs says it, so the words send the applicant to the
 * program's own pages or its GME office. No words for an applicant who needs no visa.
 *
 * Contract, H-1B track: the H-1B for a resident needs "a license or other authorisation to practise
 * in the state of employment" (fact sheet §5, "H-1B requirements for residents": a law firm's
 * summary of INA 212(j)(2), http://aa-law.com/index.php?option=com_content&view=article&task=view&Itemid=544&id=487&view=article&Item=102),
 * and NRMP lists "completing an application for a license (types determined by programs and state
 * medical boards)" among the steps after the Match
 * (https://www.nrmp.org/residency-applicants/after-the-match/). The petition is the program's, filed
 * once the contract is signed, so the contract's card is where the applicant acts on it: ask the GME
 * office which licence or permit and apply as it says (advice: no processing time is on record, so no
 * date of its own).
 */

const BINDING =
  "a SOAP offer you accept binds you as a match does (NRMP's Match Participation Agreement), and a program that will not sponsor your visa would leave you a position you cannot start (advice)";
const CHECK = "check each program's website or ask its GME office before you apply";

const SOAP_WORDS: Partial<Record<PlanContext["applicant"]["visa"], string>> = {
  "H-1B": ` You need a visa to train: send your SOAP applications only to unfilled programs that sponsor the H-1B, or the J-1 through ECFMG if you would take it instead (${CHECK}), since ${BINDING}.`,
  "J-1": ` You need a visa to train: send your SOAP applications only to unfilled programs that take J-1 physicians, whose visa ECFMG sponsors (${CHECK}), since ${BINDING}.`,
  undecided: ` If you need a visa to train, send your SOAP applications only to unfilled programs that sponsor a visa you can get, the J-1 through ECFMG or, with Step 3 passed, the H-1B (${CHECK}), since ${BINDING}.`,
};

/** SOAP's card, while SOAP is ahead or under way in the applicant's own Match: which programs to apply to, by visa track ("" for any other). */
export function soapSponsorNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  ownMatch: boolean,
): string {
  if (entry.key !== "soap" || !ownMatch || isFinished(status)) return "";
  return SOAP_WORDS[context.applicant.visa] ?? "";
}

const LICENCE =
  " The H-1B needs a licence or other authorisation to practise in the state where you train (INA 212(j)(2), as a law firm summarises it), so your program's H-1B petition waits on it: ask its GME office which training licence or permit the state's medical board requires, and apply for it as the office says (advice).";

/** The contract's card on the H-1B track, until it is signed in the applicant's own Match: the state's training licence ("" for any other). */
export function h1bLicenceAtContract(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  ownMatch: boolean,
): string {
  if (context.applicant.visa !== "H-1B" || entry.key !== "contract" || !ownMatch || isFinished(status))
    return "";
  return LICENCE;
}
