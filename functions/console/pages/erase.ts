import type { ApplicantView } from "#usecases/console.ts";
import { normalizeName } from "#usecases/console-erase.ts";
import { h } from "./html.ts";

/** GET /console/applicants/:id/erase: the first confirmation. */
export function eraseFragment(view: ApplicantView): string {
  const profile = view.state.profile;
  return `<h1>Erase ${h(profile.fullName)}?</h1>
<p>This deletes the applicant and every item of theirs: profile, milestones, interviews, plan, notice ledger, intake records and console history. It cannot be undone. An erasure record without personal data is kept.</p>
<form hx-post="/console/applicants/${h(profile.applicantId)}/erase" hx-target="#erase-result" hx-confirm="Last check: erase ${h(profile.fullName)} for good?" data-expect-name="${h(normalizeName(profile.fullName))}">
<input type="hidden" name="confirm" value="erase">
<label for="erase-name">Type the applicant's full name to confirm: ${h(profile.fullName)}</label><br>
<span id="erase-hint" class="muted">Upper or lower case and extra spaces do not matter.</span><br>
<input id="erase-name" name="fullName" autocomplete="off" size="40" required aria-describedby="erase-hint">
<button type="submit" class="danger">Erase for good</button>
</form>
<div id="erase-result"></div>
<p><a href="#/applicants/${h(profile.applicantId)}">Cancel</a></p>`;
}

export function erasedFragment(itemsDeleted: number): string {
  return `<h1>Applicant erased</h1><p>${itemsDeleted} items deleted. <a href="#/cohort">Back to the cohort</a></p>`;
}
