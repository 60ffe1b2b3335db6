/* help.html: the functions' help link and the manifest's support page, in the add-in's language. */
import { addinLanguage, addinStrings } from "./i18n";

const s = addinStrings();
document.documentElement.lang = addinLanguage();
document.title = s.helpTitle;
const texts: Record<string, string> = {
  title: s.appTitle,
  intro: s.helpIntro,
  functions: s.helpFunctionsHeading,
  "functions-text": s.helpFunctions,
};
for (const [id, text] of Object.entries(texts)) {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}
