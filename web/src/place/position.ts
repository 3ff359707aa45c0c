// The phone's position (WGS-84, as the browser's geolocation gives it: GPS, not
// the GCJ-02 of 高德/腾讯 maps). Asked once per form, never in the way of a
// submit: a denial, a timeout or no geolocation at all answers undefined.
import { createSignal } from "solid-js";

export interface Position {
  lat: number;
  lng: number;
  /** Radius of 68 % confidence, metres. */
  accuracy: number;
}

/** The current position, high accuracy, or undefined on denial, timeout or no geolocation. */
export function currentPosition(opts: { timeoutMs?: number } = {}): Promise<Position | undefined> {
  const geo = typeof navigator === "undefined" ? undefined : navigator.geolocation;
  if (!geo) return Promise.resolve(undefined);
  const timeout = opts.timeoutMs ?? 10_000;
  return new Promise((resolve) => {
    // Some browsers never call back when the user ignores the prompt: our own timer answers then.
    const timer = setTimeout(() => resolve(undefined), timeout + 500);
    geo.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: true, timeout, maximumAge: 30_000 },
    );
  });
}

export type PositionState = { status: "locating" } | { status: "found"; position: Position } | { status: "missing" };

/** A form's position: asked at once, asked again on `retry()`. */
export function createPosition(opts: { timeoutMs?: number } = {}) {
  const [state, setState] = createSignal<PositionState>({ status: "locating" });
  const locate = () => {
    setState({ status: "locating" });
    void currentPosition(opts).then((position) => setState(position ? { status: "found", position } : { status: "missing" }));
  };
  locate();
  const position = () => {
    const s = state();
    return s.status === "found" ? s.position : undefined;
  };
  return { state, position, retry: locate };
}

/** What a request carries of a position: both coordinates (rounded to about 1 m) or nothing. */
export function coordinates(position: Position | undefined): { lat: number; lng: number } | Record<string, never> {
  return position ? { lat: Math.round(position.lat * 1e6) / 1e6, lng: Math.round(position.lng * 1e6) / 1e6 } : {};
}
