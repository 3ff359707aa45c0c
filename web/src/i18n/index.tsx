import * as i18n from "@solid-primitives/i18n";
import { createContext, createMemo, createSignal, Show, useContext, type ParentProps } from "solid-js";
import { hasWords, loadWords, shown, wanted, wordsOf, type Locale } from "./words.ts";

export { AREAS, loadWords, withWords, type Area, type Locale } from "./words.ts";
const STORAGE_KEY = "firegov.locale";

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "zh-CN";
}

function createI18n(start: Locale) {
  shown.locale = start;
  const [locale, setLocaleSignal] = createSignal<Locale>(start);
  const [ready, setReady] = createSignal(hasWords(start, wanted));
  const dict = createMemo(() => i18n.flatten(wordsOf(locale())));
  const t = i18n.translator(dict, i18n.resolveTemplate);
  let target = start;
  // A language shows once its words for every area asked for so far have loaded; until then the page stays as it was.
  const show = async (next: Locale) => {
    while (!hasWords(next, wanted)) await loadWords(next, wanted);
    if (target !== next) return;
    shown.locale = next;
    setLocaleSignal(next);
    setReady(true);
    document.documentElement.lang = next;
  };
  const showLogged = (next: Locale) => void show(next).catch((error: unknown) => console.error(error));
  if (!ready()) showLogged(start);
  const setLocale = (next: Locale) => {
    target = next;
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    showLogged(next);
  };
  return { locale, setLocale, t, ready };
}

type I18n = Omit<ReturnType<typeof createI18n>, "ready">;
const I18nContext = createContext<I18n>();

/** zh-CN unless the user chose English (remembered on the device); nothing shows before that language's core words have loaded. */
export function I18nProvider(props: ParentProps<{ locale?: Locale }>) {
  const { ready, ...value } = createI18n(props.locale ?? initialLocale());
  return (
    <I18nContext.Provider value={value}>
      <Show when={ready()}>{props.children}</Show>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
