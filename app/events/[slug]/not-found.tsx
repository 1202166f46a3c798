import Link from "next/link";

export default function EventNotFound() {
  return (
    <>
      <h1>Event not found</h1>
      <p>
        There is no event at this address. <Link href="/schedule">Browse the schedule</Link> or search it by title,
        performer or venue.
      </p>
    </>
  );
}
