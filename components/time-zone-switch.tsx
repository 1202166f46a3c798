import { readDisplayZone } from "@/lib/time/display-zone";
import { TimeZoneSelect } from "./time-zone-select";

/** The display-zone choice, read from the visitor's cookie; the select itself is the only client part. */
export async function TimeZoneSwitch() {
  const { choice } = await readDisplayZone();
  return <TimeZoneSelect choice={choice} />;
}
