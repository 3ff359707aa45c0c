import * as i18n from "@solid-primitives/i18n";
import { createContext, createMemo, createSignal, useContext, type ParentProps } from "solid-js";
import { en, zh, type Dict } from "./dict.ts";

export type Locale = "zh-CN" | "en";
const dictionaries: Record<Locale, Dict> = { "zh-CN": zh, en };
const STORAGE_KEY = "firegov.locale";

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "zh-CN";
}

function createI18n(start: Locale) {
  const [locale, setLocaleSignal] = createSignal<Locale>(start);
  const dict = createMemo(() => i18n.flatten(dictionaries[locale()]));
  const t = i18n.translator(dict, i18n.resolveTemplate);
  const setLocale = (next: Locale) => {
    setLocaleSignal(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
  };
  return { locale, setLocale, t };
}

type I18n = ReturnType<typeof createI18n>;
const I18nContext = createContext<I18n>();

/** zh-CN unless the user chose English (remembered on the device). */
export function I18nProvider(props: ParentProps<{ locale?: Locale }>) {
  const value = createI18n(props.locale ?? initialLocale());
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
