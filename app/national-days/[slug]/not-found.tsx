import Link from "next/link";

export default function NationalDayNotFound() {
  return (
    <>
      <h1>National day not found</h1>
      <p>
        There is no national day at this address. See <Link href="/national-days">all national days</Link>.
      </p>
    </>
  );
}
