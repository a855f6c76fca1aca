import * as z from "zod";
import { SeasonDateKeySchema } from "../seasons/schema.ts";

/**
 * The shape of reminder-ladders.json: each named ladder's rungs, counted from a step's start-by
 * date, from its deadline, or from a season date that is itself the news. Advice, with its source.
 * Parsed in test/unit/domain/data-files.test.ts; index.ts reads the file as these types; a
 * milestone names its ladder (schema.ts checks the name exists).
 */

const RungSchema = z.discriminatedUnion("anchor", [
  z.object({ rung: z.string().min(1), anchor: z.literal("startBy") }),
  z.object({ rung: z.string().min(1), anchor: z.literal("deadline"), daysBefore: z.number().int().min(0) }),
  // A season date that is itself the news (ranking opens): sent at the delivery slot of its local day.
  z.object({ rung: z.string().min(1), anchor: z.literal("season"), dateKey: SeasonDateKeySchema }),
]);
export type LadderRung = z.infer<typeof RungSchema>;

export const LaddersFileSchema = z.object({
  description: z.string(),
  basis: z.literal("advice"),
  source: z.string().startsWith("advice:"),
  ladders: z.record(z.string(), z.array(RungSchema).min(1)),
});

export type LaddersFile = z.infer<typeof LaddersFileSchema>;
