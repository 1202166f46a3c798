"use client";

export default function ScheduleError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="banner danger" role="alert">
      <p>The schedule could not be loaded just now.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
