import { Show } from "solid-js";

/** What a phone dials: digits and a leading +, nothing else (spaces, dashes and brackets dropped). */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith("+") ? "+" : ""}${trimmed.replace(/[^0-9]/g, "")}`;
}

/** Whether a shown number can be dialled: digits with the usual separators; a masked one (139****5678) cannot. */
export const isDialable = (phone: string) => /^\+?[0-9][0-9\s\-()]{2,}$/.test(phone.trim());

/** A phone number as a tap-to-call link; a number that cannot be dialled (masked) as text; the fallback when there is none. */
export function TelLink(props: { phone: string | null | undefined; class?: string; fallback?: string }) {
  const dialable = () => (props.phone && isDialable(props.phone) ? props.phone : undefined);
  return (
    <Show when={dialable()} fallback={props.phone || props.fallback || ""}>
      {(phone) => (
        <a href={telHref(phone())} class={props.class ?? "tel-link"}>
          {phone()}
        </a>
      )}
    </Show>
  );
}
