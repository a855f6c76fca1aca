/**
 * SOAP's 45: the cap for the whole of SOAP, not a first batch (checked on
 * 2026-12-04). NRMP's FAQ "Do I need to reapply to programs after the first SOAP round?"
 * (https://www.nrmp.org/help/item/do-i-need-to-reapply-to-programs-after-the-first-soap-round/):
 * programs see an application in every round, and after a round "if you still have unused
 * applications from your initial batch of 45, you can submit them" to programs still unfilled: later
 * rounds draw on the same 45, none is added. The ERAS and NRMP "SOAP 101" webinar of 5 Mar 2024
 * likewise gives a 45-application maximum during SOAP. So the words say "at most 45 in all of SOAP"
 * and send them on Monday (programs read applications from Tuesday morning), never "first batch".
 */
export const SOAP_CAP = "you may send at most 45 applications in all of SOAP";
