/**
 * The hook between a rule's citation block and the document pane: the pane
 * calls `onCite({ sourceRef, text })` with the clause or sentence the admin
 * selected, and it fills the citation block the admin last worked in.
 */
import { createContext, createSignal, useContext } from "solid-js";
import { getAt, type Segment } from "./draft-document.ts";

/** A clause picked in the document: what a rule's citation is filled with. */
export interface Cite {
  sourceRef: string;
  text: string;
}

export interface CiteTarget {
  /** The rule (its path in the draft) whose citation the next pick fills. */
  target: () => readonly Segment[] | undefined;
  choose: (base: readonly Segment[]) => void;
  /** For the document pane: fills the chosen rule's citation; false when no rule is chosen yet. */
  cite: (picked: Cite) => boolean;
}

export const CiteTargetContext = createContext<CiteTarget>();

export const useCiteTarget = () => useContext(CiteTargetContext);

/** The editor's cite target, and `onCite` for the document pane: fills the chosen rule's sourceRef and text (one change). */
export function createCiteTarget(fill: (base: readonly Segment[], cite: Cite) => void) {
  const [target, setTarget] = createSignal<readonly Segment[]>();
  const onCite = (cite: Cite): boolean => {
    const base = target();
    if (!base) return false;
    fill(base, cite);
    return true;
  };
  const value: CiteTarget = { target, choose: (base) => setTarget([...base]), cite: onCite };
  return { value, onCite };
}

// Which rule a citation picked from the document goes into: the innermost
// object on a form field's JSON path that is a rule (it has a sourceRef).

/** `$.hazards.severities[0].rectificationDays.value` as segments. */
export function segmentsOf(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.replace(/^\$/, "").matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}

/** The path of the innermost rule holding the field at `path`, or undefined when none does. */
export function citableRuleAt(profile: unknown, path: string): Segment[] | undefined {
  const segments = segmentsOf(path);
  for (let length = segments.length; length >= 0; length--) {
    const prefix = segments.slice(0, length);
    const value = getAt(profile, prefix);
    if (typeof value === "object" && value !== null && !Array.isArray(value) && "sourceRef" in value) return prefix;
  }
  return undefined;
}
