/** The rung of the certificate question's first notice and of its follow-ups (each follow-up's id adds its cut). */
export const CERTIFICATE_ASKED_RUNG = "certificate-asked";

/** Whether a reminder asks the certificate question ("has ECFMG issued it?"): its first notice or a follow-up. */
export function isCertificateQuestion(subject: { milestone: string; rung: string }): boolean {
  return subject.milestone === "ecfmg_certification" && subject.rung === CERTIFICATE_ASKED_RUNG;
}
