import { createContext, Show, useContext, type ParentProps } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

// A citation of another county's document that a forked profile borrows (借用):
// the profile view knows the borrowed list and hands it down; a finding
// carries the flag itself.

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

/** The small 借用 badge beside a borrowed citation; the title names the document when known. */
export function BorrowedBadge(props: { title?: string | undefined }) {
  const { t } = useI18n();
  return (
    <span class="badge badge-borrowed" data-testid="borrowed-badge" title={t("borrowed.title", { title: props.title ?? "" })}>
      {t("borrowed.badge")}
    </span>
  );
}

/** The badge when the citation is borrowed; nothing otherwise. */
export function BorrowedMark(props: { sourceRef: string | null | undefined }) {
  const doc = useBorrowed(() => props.sourceRef);
  return <Show when={doc()}>{(b) => <BorrowedBadge title={b().document.title} />}</Show>;
}
