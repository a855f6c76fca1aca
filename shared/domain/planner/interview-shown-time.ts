import type { Interview } from "../snapshot.ts";
import { renderInZone } from "../time.ts";

/**
 * An interview's start in its step's words: in person she is at the program, so the program's time
 * leads and hers follows ("Tue 1 Dec 2026, 8:00 AM EST at the program (Tue 1 Dec 2026, 3:00 AM HST
 * your time)"), as the emails' date line and the card give it; virtual, her own time leads.
 */
export function interviewShownTime(zone: string, interview: Interview, start: number): string {
  const yours = `${renderInZone(zone, start)} your time`;
  const program = `${renderInZone(interview.timezone, start)} at the program`;
  return interview.format === "in_person" ? `${program} (${yours})` : `${yours} (${program})`;
}
