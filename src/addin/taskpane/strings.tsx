/** The current language and its texts for every component, without prop drilling. */
import { createContext, useContext, type ReactNode } from "react";
import { stringsFor, type Language, type Strings } from "../i18n";

const LanguageContext = createContext<Language>("en");

export function StringsProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useStrings(): Strings {
  return stringsFor(useContext(LanguageContext));
}
