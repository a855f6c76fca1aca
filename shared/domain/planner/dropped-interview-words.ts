/**
 * The words of an interview's step for a Match the plan has written off (planInterviews'
 * `droppedUntil`: the plan moved to a later Match and the interview starts by the entered Match's
 * rank order list deadline, so it is that Match's). Such an
 * interview gets no reminders and its step prepares nothing; it says which Match the
 * interview was for, that the plan says it is out of reach, and asks an applicant still
 * interviewing for the statuses the plan judges it on (the exams and Pathway ECFMG must confirm to
 * NRMP by that deadline, MATCH_YEAR_NOT_FEASIBLE).
 */
export interface DroppedInterviewWords {
  title: string;
  why: string;
  action: string;
}

/**
 * `format`: "virtual" or "in-person"; `shownTime`: the start in the applicant's zone and the
 * program's, as the preparation step shows it; `year`: the written-off Match.
 */
export function droppedInterviewWords(
  program: string,
  format: string,
  shownTime: string,
  year: number,
): DroppedInterviewWords {
  return {
    title: `Your ${format} interview with ${program}: for the ${year} Match`,
    why: `NRMP withdraws from the ${year} Match an applicant whose exams and Pathway ECFMG has not confirmed by its rank order list deadline, and this plan says yours cannot be confirmed by then.`,
    action: `Interview starts ${shownTime}. It is for the ${year} Match, which this plan says is out of reach (see the risks), so no reminders come for it. If you are still interviewing, tell us your exam and certification statuses (a result, a sitting booked, ECFMG's answer on your Pathway), so the plan can judge the ${year} Match again.`,
  };
}
