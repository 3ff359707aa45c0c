// The text burned into a photo (水印相机 practice for 巡查 evidence): when,
// where and who, so a photo keeps its context wherever it is shown.

export interface PhotoStamp {
  /** When the photo was taken. */
  at: Date;
  /** The place's name: the venue or node the photo belongs to. */
  place?: string;
  /** The phone's position (WGS-84) when known. */
  lat?: number;
  lng?: number;
  /** Who took it. */
  reporter?: string;
  /** The county's time zone: evidence shows local time whatever the phone's setting. */
  timeZone?: string;
}

/** `2026-12-07 14:03` in the time zone (Asia/Shanghai unless given). */
export function stampTime(at: Date, timeZone = "Asia/Shanghai"): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `31.80000,121.65000`: five decimals is about a metre. */
export function stampPosition(lat: number, lng: number): string {
  return `${lat.toFixed(5)},${lng.toFixed(5)}`;
}

/** The watermark's lines, top to bottom: time; place and position; reporter. Lines with nothing known are left out. */
export function watermarkLines(stamp: PhotoStamp): string[] {
  const position = stamp.lat !== undefined && stamp.lng !== undefined && Number.isFinite(stamp.lat) && Number.isFinite(stamp.lng) ? stampPosition(stamp.lat, stamp.lng) : undefined;
  const place = [stamp.place?.trim(), position].filter(Boolean).join("  ");
  return [stampTime(stamp.at, stamp.timeZone), place, stamp.reporter?.trim() ?? ""].filter((line) => line.length > 0);
}
