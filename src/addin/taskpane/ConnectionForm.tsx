/**
 * Connection settings and the Sign in button. Managed mode (admin configured the app on the gateway)
 * shows only Sign in. The client secret stays in this component's state until it is sent, then is
 * cleared; only country, client ID and a custom redirect URI are remembered.
 */
import { useId, useState, type FormEvent } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CopyRegular, CheckmarkRegular } from "@fluentui/react-icons";
import type { AuthConfig } from "../../shared/api";
import type { Country } from "../../shared/countries";
import {
  isValidClientId,
  loadConnectionSettings,
  normalizeClientId,
  saveConnectionSettings,
} from "../auth/connectionSettings";
import type { SignInRequest } from "../auth/signInFlow";
import { errorText } from "../i18n";
import { useStrings } from "./strings";
import { useCopy } from "./useCopy";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  uriRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  uriInput: { flexGrow: 1, minWidth: 0 },
  // A long country name ("Demo (ingebouwde voorbeeldgegevens)") must not widen a 320 px pane.
  shrinkable: { minWidth: 0 },
  signInRow: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
});

export interface ConnectionFormProps {
  config: AuthConfig;
  busy: boolean;
  error?: { code: string; message: string };
  onSignIn(request: SignInRequest): void;
}

function isValidRedirectUri(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && url.hostname === "localhost");
  } catch {
    return false;
  }
}

/**
 * The remembered country, else the demo when the gateway offers it (a first try then signs in without
 * typing anything), else the first country. Managed mode never gets here: it has no country choice.
 */
function initialCountry(config: AuthConfig, saved: Country | undefined): Country {
  if (saved && config.countries.includes(saved)) return saved;
  if (config.countries.includes("demo")) return "demo";
  return config.countries[0] ?? "nl";
}

export function ConnectionForm({ config, busy, error, onSignIn }: ConnectionFormProps) {
  const s = useStrings();
  const styles = useStyles();
  const [saved] = useState(() => loadConnectionSettings());
  const [country, setCountry] = useState<Country>(() => initialCountry(config, saved?.country));
  const [clientId, setClientId] = useState(saved?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [customUri, setCustomUri] = useState(saved?.redirectUri ?? "");
  const [advanced, setAdvanced] = useState(!!saved?.redirectUri);
  const [submitted, setSubmitted] = useState(false);
  const [copyState, copy] = useCopy();
  const advancedId = useId();

  const redirectUri = advanced ? customUri.trim() : config.redirectUri;
  const needsApp = country !== "demo";
  const clientIdError = !clientId.trim()
    ? submitted && needsApp
      ? s.clientIdRequired
      : undefined
    : isValidClientId(clientId)
      ? undefined
      : s.clientIdInvalid;
  const secretError = submitted && needsApp && !clientSecret ? s.clientSecretRequired : undefined;
  const uriError = advanced && !isValidRedirectUri(redirectUri) ? s.redirectUriInvalid : undefined;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (config.managed) {
      onSignIn({});
      return;
    }
    setSubmitted(true);
    const idMissing = needsApp && !clientId.trim();
    if (idMissing || clientIdError || uriError || (needsApp && !clientSecret)) return;
    // The demo runs on the gateway's built-in app: whatever was typed for a real app stays out of it.
    const id = needsApp && clientId.trim() ? normalizeClientId(clientId) : "";
    saveConnectionSettings({
      country,
      clientId: id,
      redirectUri: redirectUri !== config.redirectUri ? redirectUri : "",
    });
    const request: SignInRequest = { country };
    if (id) request.clientId = id;
    if (needsApp && clientSecret) request.clientSecret = clientSecret;
    if (needsApp && redirectUri !== config.redirectUri) request.redirectUri = redirectUri;
    setClientSecret(""); // sent once; never shown back
    setSubmitted(false);
    onSignIn(request);
  };

  const errorBar = error && (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{errorText(s, error.code, error.message)}</MessageBarBody>
    </MessageBar>
  );
  const signInButton = (
    <div className={styles.signInRow}>
      <Button appearance="primary" type="submit" disabled={busy}>
        {s.signIn}
      </Button>
      {busy && <Spinner size="tiny" label={s.signingIn} />}
    </div>
  );

  if (config.managed) {
    return (
      <form className={styles.form} onSubmit={submit} aria-label={s.connectionHeading}>
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{s.managedByOrganisation}</MessageBarTitle>
            {s.managedDetail}
          </MessageBarBody>
        </MessageBar>
        {errorBar}
        {signInButton}
      </form>
    );
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label={s.connectionHeading} noValidate>
      <Field label={s.country}>
        <Select
          className={styles.shrinkable}
          select={{ className: styles.shrinkable }}
          value={country}
          onChange={(_, data) => setCountry(data.value as Country)}
        >
          {config.countries.map((code) => (
            <option key={code} value={code}>
              {s.countryNames[code]}
            </option>
          ))}
        </Select>
      </Field>
      {!needsApp && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.demoTitle}</MessageBarTitle> {s.demoNoAppNeeded}
          </MessageBarBody>
        </MessageBar>
      )}
      {needsApp && (
        <>
          <Field
            label={s.clientId}
            validationState={clientIdError ? "error" : "none"}
            validationMessage={clientIdError}
            hint={clientIdError ? undefined : s.clientIdHint}
          >
            <Input
              value={clientId}
              onChange={(_, data) => setClientId(data.value)}
              autoComplete="off"
              spellCheck={false}
              aria-required={needsApp}
            />
          </Field>
          <Field
            label={s.clientSecret}
            validationState={secretError ? "error" : "none"}
            validationMessage={secretError}
            hint={secretError ? undefined : s.clientSecretHint}
          >
            <Input
              type="password"
              value={clientSecret}
              onChange={(_, data) => setClientSecret(data.value)}
              autoComplete="off"
              aria-required={needsApp}
            />
          </Field>
          <Field
            label={s.redirectUri}
            validationState={uriError ? "error" : "none"}
            validationMessage={uriError}
            hint={uriError ? undefined : advanced ? s.advancedHint : s.redirectUriHint}
          >
            {(fieldProps) => (
              <div className={styles.uriRow}>
                <Input
                  {...fieldProps}
                  className={styles.uriInput}
                  value={advanced ? customUri : config.redirectUri}
                  readOnly={!advanced}
                  onChange={(_, data) => setCustomUri(data.value)}
                  spellCheck={false}
                />
                <Button
                  icon={copyState === "copied" ? <CheckmarkRegular /> : <CopyRegular />}
                  aria-label={s.copyRedirectUri}
                  title={s.copyRedirectUri}
                  onClick={() => void copy(redirectUri)}
                />
              </div>
            )}
          </Field>
          <span role="status" aria-live="polite">
            {copyState === "copied" ? s.copied : copyState === "failed" ? s.copyFailed : ""}
          </span>
          <Checkbox
            id={advancedId}
            label={s.advanced}
            checked={advanced}
            onChange={(_, data) => {
              setAdvanced(!!data.checked);
              // Editing starts from the gateway's own address; unticking returns to it.
              setCustomUri(data.checked ? customUri || config.redirectUri : "");
            }}
          />
        </>
      )}
      {errorBar}
      {signInButton}
    </form>
  );
}
