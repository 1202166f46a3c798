import Link from "next/link";
import { SCHEDULE_PATH } from "@/lib/http/paths";

export default function EventNotFound() {
  return (
    <>
      <h1>Event not found</h1>
      <p>
        There is no event at this address. <Link href={SCHEDULE_PATH}>Browse the schedule</Link> or search it by title,
        performer or venue.
      </p>
    </>
  );
}
