import { createContext, Show, useContext, type ParentProps } from "solid-js";

// A citation of another county's document that a forked profile borrows (借用):
// the profile view knows the borrowed list and hands it down; a finding
// carries the flag itself. The words come from the caller's own area.

type Borrowed = readonly { profileId: string; document: { title: string } }[];

const BorrowedContext = createContext<() => Borrowed>(() => []);

export function BorrowedProvider(props: ParentProps<{ borrowed: Borrowed | undefined }>) {
  return <BorrowedContext.Provider value={() => props.borrowed ?? []}>{props.children}</BorrowedContext.Provider>;
}

/** The borrowed document this sourceRef cites, if any. */
export function useBorrowed(sourceRef: () => string | null | undefined) {
  const borrowed = useContext(BorrowedContext);
  return () => {
    const ref = sourceRef();
    return ref ? borrowed().find((b) => ref.startsWith(`${b.profileId} `)) : undefined;
  };
}

/** The small 借用 badge beside a borrowed citation, in the caller's words. */
export function BorrowedBadge(props: { label: string; title: string }) {
  return (
    <span class="badge badge-borrowed" data-testid="borrowed-badge" title={props.title}>
      {props.label}
    </span>
  );
}

/** The badge when the citation is borrowed; nothing otherwise. `words` gets the label and title for the borrowed document's title. */
export function BorrowedMark(props: { sourceRef: string | null | undefined; words: (title: string) => { label: string; title: string } }) {
  const doc = useBorrowed(() => props.sourceRef);
  // The space before the badge comes with it: an unborrowed citation reads exactly as before.
  return <Show when={doc()}>{(b) => <>{" "}<BorrowedBadge {...props.words(b().document.title)} /></>}</Show>;
}
