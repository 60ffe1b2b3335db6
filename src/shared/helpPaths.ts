/**
 * Where the gateway serves its help, support and privacy pages, per language (routes/helpPages.ts). The
 * manifest, both functions JSONs and the task pane link to these paths below the add-in's base URL.
 */
import type { CatalogueLanguage } from "./functions/types";

export const helpPaths = {
  index: (language: CatalogueLanguage) => `/help/${language}/index.html`,
  support: (language: CatalogueLanguage) => `/help/${language}/support.html`,
  privacy: (language: CatalogueLanguage) => `/help/${language}/privacy.html`,
  function: (language: CatalogueLanguage, id: string) =>
    `/help/${language}/functions/${id.toLowerCase()}.html`,
};

/** Exact's App Center, where an app is registered (a user with the Manage subscription role). */
export const EXACT_APP_CENTER_URL = "https://apps.exactonline.com";
