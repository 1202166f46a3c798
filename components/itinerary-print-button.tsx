"use client";

export function ItineraryPrintButton() {
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      Print itinerary
    </button>
  );
}
