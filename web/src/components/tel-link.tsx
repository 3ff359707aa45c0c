import { Show } from "solid-js";

/** What a phone dials: digits and a leading +, nothing else (spaces, dashes and brackets dropped). */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith("+") ? "+" : ""}${trimmed.replace(/[^0-9]/g, "")}`;
}

/** A phone number as a tap-to-call link; nothing when there is no number (or a dash, as lists show a missing one). */
export function TelLink(props: { phone: string | null | undefined; class?: string; fallback?: string }) {
  const dialable = () => (props.phone && /[0-9]{3,}/.test(props.phone.replace(/[^0-9]/g, "")) ? props.phone : undefined);
  return (
    <Show when={dialable()} fallback={props.fallback ?? props.phone ?? ""}>
      {(phone) => (
        <a href={telHref(phone())} class={props.class ?? "tel-link"}>
          {phone()}
        </a>
      )}
    </Show>
  );
}
