import { createResource, Show } from "solid-js";

/** The dark modules of a QR matrix as one SVG path, a unit square each. */
export function modulesPath(rows: readonly (readonly boolean[])[]): string {
  let d = "";
  rows.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) d += `M${x} ${y}h1v1h-1z`;
  }));
  return d;
}

/**
 * A QR code of a text, drawn as SVG in the browser (nothing is sent anywhere
 * to draw it). The encoder (uqr: no dependencies, a few KB) loads with the
 * first code shown, so pages without one do not carry it.
 */
export function QrCode(props: { value: string; label: string; size?: number }) {
  const [matrix] = createResource(
    () => props.value,
    async (value) => (await import("uqr")).encode(value, { ecc: "M", border: 2 }).data,
  );
  return (
    <Show when={matrix()}>
      {(rows) => (
        <svg
          class="qr-code"
          role="img"
          aria-label={props.label}
          viewBox={`0 0 ${rows().length} ${rows().length}`}
          width={props.size ?? 200}
          height={props.size ?? 200}
          shape-rendering="crispEdges"
          data-modules={rows().length}
        >
          <rect width={rows().length} height={rows().length} fill="#fff" />
          <path d={modulesPath(rows())} fill="#000" />
        </svg>
      )}
    </Show>
  );
}
