"use client";

import { useSyncExternalStore } from "react";
import { ASTANA_TIME_ZONE } from "@/lib/time/astana";
import { UTC_TIME_ZONE } from "@/lib/time/format";
import {
  DEVICE_ZONE_CHOICE,
  deviceTimeZone,
  readZoneChoice,
  serverZoneChoice,
  subscribeToZoneChoice,
  writeZoneChoice,
} from "@/lib/time/display-zone-preference";

function subscribeNever(): () => void {
  return () => {};
}

export function TimeZoneSwitch() {
  const choice = useSyncExternalStore(subscribeToZoneChoice, readZoneChoice, serverZoneChoice);
  // The device zone is only known in the browser; the server renders a neutral label.
  const deviceZone = useSyncExternalStore(subscribeNever, deviceTimeZone, () => "");
  return (
    <div className="time-zone-switch no-print">
      <label htmlFor="display-zone">Show times in</label>
      <select id="display-zone" value={choice} onChange={(event) => writeZoneChoice(event.target.value)}>
        <option value={ASTANA_TIME_ZONE}>Astana time (UTC+6 in 2017)</option>
        <option value={DEVICE_ZONE_CHOICE}>{deviceZone ? `My time zone (${deviceZone})` : "My time zone"}</option>
        <option value={UTC_TIME_ZONE}>UTC</option>
      </select>
    </div>
  );
}
