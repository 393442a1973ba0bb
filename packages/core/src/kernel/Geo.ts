/**
 * Places on the map (地理位置): points with their coordinate system named — WGS-84 (GPS, 国际标准), GCJ-02 (the
 * national "Mars" datum every Chinese web map uses, 国测局坐标) or BD-09 (Baidu) — and grid boundaries as GeoJSON
 * polygons. Conversions between the systems use `gcoord`; containment and distance use Turf
 * (`@turf/boolean-point-in-polygon`, `@turf/distance`): no geometry is hand-written here.
 *
 * @since 0.1.0
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon"
import turfDistance from "@turf/distance"
import { point as turfPoint } from "@turf/helpers"
import { Schema } from "effect"
import gcoordModule from "gcoord"

type Gcoord = typeof import("gcoord")["default"]
// gcoord is CommonJS with an ES build: Node's loader hands over module.exports, a bundler the ES default export
const gcoord: Gcoord = ((gcoordModule as unknown as { readonly default?: Gcoord }).default ??
  gcoordModule) as unknown as Gcoord

/**
 * A coordinate reference system (坐标系): `WGS-84` (GPS), `GCJ-02` (国测局, the datum of Chinese web maps: AMap,
 * Tencent), `BD-09` (Baidu).
 *
 * @since 0.1.0
 * @category models
 */
export const Crs = Schema.Literal("WGS-84", "GCJ-02", "BD-09")
/**
 * @since 0.1.0
 * @category models
 */
export type Crs = typeof Crs.Type

const Longitude = Schema.Number.pipe(Schema.between(-180, 180, { message: () => "a longitude between -180 and 180" }))
const Latitude = Schema.Number.pipe(Schema.between(-90, 90, { message: () => "a latitude between -90 and 90" }))

/**
 * A point (坐标点): longitude, latitude (degrees) and the coordinate system they are in.
 *
 * @since 0.1.0
 * @category models
 */
export class Point extends Schema.Class<Point>("@zhili/GeoPoint")({
  longitude: Longitude,
  latitude: Latitude,
  crs: Crs
}) {}

const Position = Schema.Tuple(Longitude, Latitude)
const Ring = Schema.Array(Position).pipe(
  Schema.minItems(4, { message: () => "a ring needs at least four positions, the last equal to the first" }),
  Schema.filter((ring) => {
    const first = ring[0]
    const last = ring[ring.length - 1]
    return (
      (first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]) ||
      "a ring is closed: its last position repeats its first"
    )
  })
)

/**
 * A boundary (网格边界): a GeoJSON `Polygon` or `MultiPolygon` (RFC 7946 positions, longitude first), in a named
 * coordinate system.
 *
 * @since 0.1.0
 * @category models
 */
export const Boundary = Schema.Union(
  Schema.Struct({ type: Schema.Literal("Polygon"), coordinates: Schema.Array(Ring), crs: Crs }),
  Schema.Struct({ type: Schema.Literal("MultiPolygon"), coordinates: Schema.Array(Schema.Array(Ring)), crs: Crs })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Boundary = typeof Boundary.Type

const library = { "WGS-84": gcoord.WGS84, "GCJ-02": gcoord.GCJ02, "BD-09": gcoord.BD09 } as const

/**
 * A point in another coordinate system (the same point when it already is in it). GCJ-02 and BD-09 offsets are
 * defined inside China only; outside it the conversions give the point back.
 *
 * @since 0.1.0
 * @category conversions
 */
export const convert = (p: Point, to: Crs): Point => {
  if (p.crs === to) return p
  const [longitude, latitude] = gcoord.transform([p.longitude, p.latitude], library[p.crs], library[to]) as [
    number,
    number
  ]
  return new Point({ longitude, latitude, crs: to })
}

/**
 * True when the point lies inside the boundary (on its edge counts as inside), comparing them in the boundary's
 * coordinate system.
 *
 * @since 0.1.0
 * @category predicates
 */
export const contains = (boundary: Boundary, p: Point): boolean => {
  const q = convert(p, boundary.crs)
  // a Boundary is a GeoJSON geometry (its extra `crs` member is ignored); Turf only reads it, so no copy is needed
  return booleanPointInPolygon(
    [q.longitude, q.latitude],
    boundary as unknown as Parameters<typeof booleanPointInPolygon>[1]
  )
}

/**
 * The great-circle distance between two points in metres, both taken to WGS-84 first.
 *
 * @since 0.1.0
 * @category measures
 */
export const distanceMeters = (a: Point, b: Point): number => {
  const x = convert(a, "WGS-84")
  const y = convert(b, "WGS-84")
  return (
    turfDistance(turfPoint([x.longitude, x.latitude]), turfPoint([y.longitude, y.latitude]), {
      units: "kilometers"
    }) * 1000
  )
}
