import Link from "next/link";
import { NATIONAL_DAYS_PATH } from "@/lib/http/paths";

export default function NationalDayNotFound() {
  return (
    <>
      <h1>National day not found</h1>
      <p>
        There is no national day at this address. See <Link href={NATIONAL_DAYS_PATH}>all national days</Link>.
      </p>
    </>
  );
}
