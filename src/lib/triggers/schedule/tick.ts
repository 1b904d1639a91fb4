/**
 * The trigger output a schedule job gets (`ScheduleOutputSchema` in engine/trigger-output.ts): when it
 * was due, and for the one catch-up run, that it is one and how many due times it stands for.
 */
export interface ScheduleTick {
  at: string;
  catch_up: boolean;
  missed: number;
}

/** The tick for a run on time (`missed` 0) or for the catch-up run of `catchUp` (`missed` > 0). */
export function scheduleTick(due: Date, missed = 0): ScheduleTick {
  return { at: due.toISOString(), catch_up: missed > 0, missed };
}
