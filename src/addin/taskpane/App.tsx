/**
 * The task pane: connection settings and sign-in when signed out, status and actions when signed in,
 * the guide and the help links always. Theme and language follow Office (or ?theme= / ?lang=) and can
 * be switched.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { LANGUAGES, chooseLanguage, stringsFor, type Language } from "../i18n";
import { withOwnNamespace } from "../functionNamespace";
import { ConnectionForm } from "./ConnectionForm";
import { Guide } from "./Guide";
import { PaneLinks } from "./PaneLinks";
import { RibbonNoticeBar } from "./RibbonNoticeBar";
import type { ThemeName } from "./preferences";
import { ServicesProvider, useServices, type PaneServices } from "./services";
import { SignedInView } from "./SignedInView";
import { StringsProvider, useStrings } from "./strings";
import { useAuthConfig } from "./useAuthConfig";
import { useSession } from "./useSession";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", minWidth: 0 },
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "640px",
    minWidth: 0,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  language: { width: "9.5rem" },
});

export interface AppProps {
  services: PaneServices;
  initialLanguage: Language;
  initialTheme: ThemeName;
}

function PaneContent() {
  const s = useStrings();
  const config = useAuthConfig();
  const session = useSession();
  const { inOffice } = useServices();
  const redirectUri = config.kind === "ready" ? config.config.redirectUri : null;

  let main;
  if (config.kind === "loading" || session.view.kind === "checking") {
    main = <Spinner label={s.loading} />;
  } else if (session.view.kind === "signed-in") {
    main = <SignedInView session={session.view.session} onSignOut={session.signOut} />;
  } else if (config.kind === "error") {
    main = (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          {s.loadConfigFailed} {config.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={config.retry}>{s.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  } else {
    main = (
      <ConnectionForm
        config={config.config}
        busy={session.view.kind === "signing-in"}
        error={session.view.kind === "signed-out" ? session.view.error : undefined}
        onSignIn={session.signIn}
      />
    );
  }

  return (
    <>
      {!inOffice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{withOwnNamespace(s.outsideOffice)}</MessageBarBody>
        </MessageBar>
      )}
      <RibbonNoticeBar />
      {main}
      <Guide redirectUri={redirectUri} />
      <PaneLinks />
    </>
  );
}

export function App({ services, initialLanguage, initialTheme }: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const strings = stringsFor(language);
  const theme = useMemo(() => (initialTheme === "dark" ? webDarkTheme : webLightTheme), [initialTheme]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = strings.appTitle;
    // The ribbon's messages, progress labels and new sheets follow the pane's language.
    chooseLanguage(language);
  }, [language, strings.appTitle]);

  return (
    <FluentProvider theme={theme} className={styles.root} data-theme={initialTheme}>
      <StringsProvider language={language}>
        <ServicesProvider value={services}>
          <main className={styles.page}>
            <header className={styles.header}>
              <Title3 as="h1">{strings.appTitle}</Title3>
              <Select
                className={styles.language}
                aria-label={strings.language}
                value={language}
                onChange={(_, data) => setLanguage(data.value as Language)}
              >
                {LANGUAGES.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {stringsFor(code).languageName}
                  </option>
                ))}
              </Select>
            </header>
            <PaneContent />
          </main>
        </ServicesProvider>
      </StringsProvider>
    </FluentProvider>
  );
}
