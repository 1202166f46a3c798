import Link from "next/link";
import { VENUES_PATH } from "@/lib/http/paths";

export default function VenueNotFound() {
  return (
    <>
      <h1>Venue not found</h1>
      <p>
        There is no venue at this address. See <Link href={VENUES_PATH}>all venues</Link>.
      </p>
    </>
  );
}
