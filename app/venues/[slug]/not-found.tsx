import Link from "next/link";

export default function VenueNotFound() {
  return (
    <>
      <h1>Venue not found</h1>
      <p>
        There is no venue at this address. See <Link href="/venues">all venues</Link>.
      </p>
    </>
  );
}
