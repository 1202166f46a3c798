// The "now and next" moment of /schedule (?at=2017-07-01T19:00): a wall-clock time in Astana.
import { z } from "zod";
import { zonedTimeToUtc } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, isExpoDay } from "../time/expo-dates";

const MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

export interface ScheduleMoment {
  /** As given, "2017-07-01T19:00". */
  local: string;
  date: string;
  instant: Date;
}

export const momentSchema = z.string().transform((value, ctx): ScheduleMoment => {
  const match = MOMENT.exec(value);
  if (!match || Number(match[2]) > 23 || Number(match[3]) > 59) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a date and time (use YYYY-MM-DDTHH:MM, Astana time)` });
    return z.NEVER;
  }
  if (!isExpoDay(match[1])) {
    ctx.addIssue({ code: "custom", message: `${value} is not during the expo (${EXPO_FIRST_DAY} to ${EXPO_LAST_DAY})` });
    return z.NEVER;
  }
  return { local: value, date: match[1], instant: zonedTimeToUtc(match[1], `${match[2]}:${match[3]}`) };
});
