/**
 * Theme and language at start-up: a URL parameter (?theme=dark|light&lang=nl|en, for previews and
 * screenshots) wins, then Office (officeTheme, displayLanguage), then the browser. The language is
 * the add-in's one decision (i18n/language.ts), shared with the ribbon.
 */
import { addinLanguage, type Language } from "../i18n";
import { hostTheme } from "../office/environment";

export type ThemeName = "light" | "dark";

function param(search: string, name: string): string | null {
  return new URLSearchParams(search).get(name);
}

/** Relative luminance of a #rrggbb colour, 0 (black) … 1 (white). */
function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function officeTheme(): ThemeName | null {
  const theme = hostTheme();
  if (!theme) return null;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const level = luminance(theme.bodyBackgroundColor ?? "");
  return level === null ? null : level < 0.5 ? "dark" : "light";
}

export function initialTheme(search = location.search): ThemeName {
  const fromUrl = param(search, "theme");
  if (fromUrl === "dark" || fromUrl === "light") return fromUrl;
  const fromOffice = officeTheme();
  if (fromOffice) return fromOffice;
  const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  return prefersDark ? "dark" : "light";
}

export function initialLanguage(search = location.search): Language {
  return addinLanguage(search);
}
