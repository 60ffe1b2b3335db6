/**
 * The pane's small link area: the gateway's function help, support and privacy pages in the pane's
 * language, and Exact's App Center to register an app. Links are relative to the pane's own page, so
 * they follow the gateway whatever its URL; each opens in the browser, outside the pane.
 */
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { EXACT_APP_CENTER_URL, helpPaths } from "../../shared/helpPaths";
import { useLanguage, useStrings } from "./strings";

const useStyles = makeStyles({
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
});

export function PaneLinks() {
  const styles = useStyles();
  const s = useStrings().links;
  const language = useLanguage();
  const links = [
    { href: `.${helpPaths.index(language)}`, text: s.help },
    { href: `.${helpPaths.support(language)}`, text: s.support },
    { href: `.${helpPaths.privacy(language)}`, text: s.privacy },
    { href: EXACT_APP_CENTER_URL, text: s.registerApp },
  ];
  return (
    <nav aria-label={s.label}>
      <ul className={styles.links}>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} target="_blank" rel="noopener noreferrer">
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
