// The expo grounds and the city inset as inline SVG, drawn by the server from lib/map/site-plan.ts:
// no tiles, no external request, works offline. Every pin is a link to its venue page.
import { venuePath } from "@/lib/http/paths";
import type { DayRoute } from "@/lib/map/route";
import { formatDistance } from "@/lib/map/route";
import type { Pin, Projection, SitePlan } from "@/lib/map/site-plan";
import styles from "./site-map.module.css";

function PinLink({ pin, highlighted, order }: { pin: Pin; highlighted: boolean; order: number[] }) {
  const stops = order.length ? `, stop ${order.join(" and ")} of your day` : "";
  return (
    <a
      href={venuePath(pin.venue.slug)}
      className={`${styles.pin} ${highlighted ? styles.highlighted : ""} ${order.length ? styles.onRoute : ""}`}
      aria-label={`${pin.venue.name}${highlighted ? " (highlighted)" : ""}${stops}`}
      aria-current={highlighted ? "location" : undefined}
      data-venue={pin.venue.slug}
    >
      <circle cx={pin.x} cy={pin.y} r={highlighted ? 11 : 7} />
      {order.length ? (
        <text x={pin.x} y={pin.y + 4} className={styles.stopNumber} aria-hidden="true">
          {order[0]}
        </text>
      ) : null}
      <text x={pin.x} y={pin.y - (highlighted ? 15 : 11)} className={styles.label} aria-hidden="true">
        {pin.label}
      </text>
    </a>
  );
}

function stopOrder(route: DayRoute | null): Map<string, number[]> {
  const order = new Map<string, number[]>();
  route?.stops.forEach((stop, i) => order.set(stop.venue.slug, [...(order.get(stop.venue.slug) ?? []), i + 1]));
  return order;
}

/** Legs drawn on one projection: those whose ends are both placed on it (the grounds' venues sit at the inset's centre marker). */
function RouteLines({ route, projection, fallback }: { route: DayRoute; projection: Projection; fallback?: { x: number; y: number } }) {
  const at = new Map(projection.pins.map((pin) => [pin.venue.slug, pin]));
  const point = (slug: string) => at.get(slug) ?? fallback;
  return (
    <g className={styles.route} aria-hidden="true">
      {route.legs.map((leg, i) => {
        const from = point(leg.from.venue.slug);
        const to = point(leg.to.venue.slug);
        if (!from || !to || leg.walkMinutes === 0 || (from.x === to.x && from.y === to.y)) return null;
        return (
          <g key={`${leg.from.slug}-${leg.to.slug}`} className={leg.tight ? styles.tight : undefined}>
            <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} markerEnd="url(#arrow)" />
            <text x={(from.x + to.x) / 2} y={(from.y + to.y) / 2 - 6} className={styles.legLabel}>
              {i + 1}→{i + 2}: {leg.walkMinutes} min
            </text>
          </g>
        );
      })}
    </g>
  );
}

export function SiteMap({ plan, highlighted, route }: { plan: SitePlan; highlighted: string | null; route: DayRoute | null }) {
  const order = stopOrder(route);
  const { grounds, city } = plan;
  return (
    <div className={styles.maps}>
      <figure className={styles.figure}>
        <div className={styles.scroller}>
          <svg viewBox={`0 0 ${grounds.width} ${grounds.height}`} className={styles.svg} role="group" aria-label="Plan of the EXPO 2017 grounds">
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="14" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className={styles.arrowHead} />
              </marker>
            </defs>
            <rect x={20} y={20} width={grounds.width - 40} height={grounds.height - 40} rx={40} className={styles.grounds} />
            <circle cx={grounds.centre.x} cy={grounds.centre.y} r={34} className={styles.sphere} aria-hidden="true" />
            <text x={30} y={grounds.height - 28} className={styles.compass} aria-hidden="true">
              ↑ North · 100 m ≈ {Math.round((grounds.width - 120) / 11)} px
            </text>
            {route ? <RouteLines route={route} projection={grounds} /> : null}
            {grounds.pins.map((pin) => (
              <PinLink key={pin.venue.slug} pin={pin} highlighted={pin.venue.slug === highlighted} order={order.get(pin.venue.slug) ?? []} />
            ))}
          </svg>
        </div>
        <figcaption>The grounds: pavilions around Nur Alem, the tents to the north, the sectors to the south.</figcaption>
      </figure>
      {city.pins.length ? (
        <figure className={`${styles.figure} ${styles.inset}`}>
          <svg viewBox={`0 0 ${city.width} ${city.height}`} className={styles.svg} role="group" aria-label="Venues elsewhere in Astana">
            <rect x={4} y={4} width={city.width - 8} height={city.height - 8} rx={12} className={styles.city} />
            {city.pins.map((pin) => (
              <g key={`d-${pin.venue.slug}`} className={styles.distance} aria-hidden="true">
                <line x1={city.centre.x} y1={city.centre.y} x2={pin.x} y2={pin.y} />
                <text x={(city.centre.x + pin.x) / 2 + 4} y={(city.centre.y + pin.y) / 2}>
                  {formatDistance(pin.distanceMeters)}
                </text>
              </g>
            ))}
            <a href="#main" className={styles.expoMarker} aria-label="EXPO 2017 grounds (the plan above)">
              <rect x={city.centre.x - 9} y={city.centre.y - 9} width={18} height={18} rx={3} />
              <text x={city.centre.x} y={city.centre.y + 24} className={styles.label} aria-hidden="true">
                EXPO 2017
              </text>
            </a>
            {route ? <RouteLines route={route} projection={city} fallback={city.centre} /> : null}
            {city.pins.map((pin) => (
              <PinLink key={pin.venue.slug} pin={pin} highlighted={pin.venue.slug === highlighted} order={order.get(pin.venue.slug) ?? []} />
            ))}
          </svg>
          <figcaption>In the city: straight-line distances from Nur Alem.</figcaption>
        </figure>
      ) : null}
    </div>
  );
}
