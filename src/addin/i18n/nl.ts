/**
 * Nederlandse teksten van de invoegtoepassing (taakvenster, lintmeldingen, voortgang, ingevoegde
 * bladen, dialoogpagina's); dezelfde sleutels als en.ts (afgedwongen door het type).
 */
import type { RefreshCounts, Strings } from "./en";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** ", 3 overgeslagen (2 op beveiligde bladen, 1 …)": alleen wat er gebeurde. */
const skippedCounts = ({ skipped, unreadRows = 0 }: RefreshCounts) => {
  const { protectedSheet = 0, readOnly = 0, notChangeable = 0 } = skipped ?? {};
  const reasons = [
    protectedSheet ? count(protectedSheet, "op een beveiligd blad", "op beveiligde bladen") : "",
    readOnly ? `${readOnly} omdat de werkmap alleen-lezen is geopend` : "",
    notChangeable
      ? count(
          notChangeable,
          "in een matrixformule of vergrendelde cel",
          "in matrixformules of vergrendelde cellen",
        )
      : "",
  ].filter(Boolean);
  const total = protectedSheet + readOnly + notChangeable;
  return (
    (total > 0 ? `, ${total} overgeslagen (${reasons.join(", ")})` : "") +
    (unreadRows > 0 ? `; ${count(unreadRows, "rij kon", "rijen konden")} niet worden gelezen` : "")
  );
};

const refreshCounts = (outcome: RefreshCounts) =>
  `${outcome.refreshed} van ${outcome.cells} EOL-formules vernieuwd, ${outcome.inError} met een fout` +
  (outcome.calculating > 0 ? `, ${outcome.calculating} nog bezig` : "") +
  skippedCounts(outcome);

export const nl: Strings = {
  languageName: "Nederlands",
  appTitle: "EOL voor Excel",
  language: "Taal",
  loading: "Laden…",
  loadConfigFailed: "De aanmeldinstellingen konden niet van de EOL-gateway worden geladen.",
  retry: "Opnieuw proberen",
  outsideOffice:
    "U bekijkt het taakvenster in een browser. Aanmelden werkt hier ook; aangepaste functies zoals =EOL.ADMINISTRATIES() werken alleen in Excel.",

  connectionHeading: "Verbinden met Exact Online",
  country: "Land",
  countryNames: {
    nl: "Nederland",
    be: "België",
    de: "Duitsland",
    fr: "Frankrijk",
    uk: "Verenigd Koninkrijk",
    es: "Spanje",
    us: "Verenigde Staten",
    demo: "Demo (ingebouwde voorbeeldgegevens)",
  },
  clientId: "Client-ID",
  clientIdHint: "De GUID van uw app in het App Center van Exact, bijv. 3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f.",
  clientIdInvalid: "Vul een GUID in zoals 3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f (accolades mogen).",
  clientIdRequired: "Vul de client-ID van uw Exact-app in.",
  clientSecret: "Clientgeheim",
  clientSecretHint:
    "Wordt bij het aanmelden één keer naar de EOL-gateway gestuurd; nooit in deze browser bewaard.",
  clientSecretRequired: "Vul het clientgeheim van uw Exact-app in.",
  redirectUri: "Redirect-URI",
  redirectUriHint: "Registreer precies dit adres als redirect-URI van uw app in het App Center van Exact.",
  redirectUriInvalid: "Vul een volledig https://-adres in (http:// alleen voor localhost).",
  copy: "Kopiëren",
  copyRedirectUri: "Redirect-URI kopiëren",
  copied: "Gekopieerd",
  copyFailed: "Kopiëren mislukt; selecteer de tekst en kopieer hem zelf.",
  advanced: "Geavanceerd",
  advancedHint:
    "Wijzig de redirect-URI alleen als de gateway achter een reverse proxy met een ander adres draait.",
  useDefaultRedirectUri: "Adres van de gateway gebruiken",
  demoTitle: "Demo: voorbeeldgegevens, geen Exact-account",
  demoNoAppNeeded:
    "Meldt aan bij de ingebouwde Exact Online-simulator van de gateway: voorbeeldadministraties, -gebruikers en -rollen, geen Exact-app, client-ID of geheim nodig. Kies voor uw eigen Exact Online uw land.",
  managedByOrganisation: "Beheerd door uw organisatie",
  managedDetail:
    "Uw beheerder heeft de Exact Online-app op de gateway ingesteld. U hoeft alleen aan te melden.",
  signIn: "Aanmelden",
  signingIn: "Bezig met aanmelden… rond het aanmelden af in het geopende venster.",
  cancel: "Annuleren",

  signedInHeading: "Aangemeld",
  user: "Gebruiker",
  currentDivision: "Huidige administratie",
  divisionCount: "Administraties",
  none: "geen",
  budgetHeading: "API-budget per administratie",
  budgetEmpty: "Nog geen Exact-aanroepen in deze sessie: budgetten verschijnen na de eerste vernieuwing.",
  budgetMinute: "Deze minuut",
  budgetDay: "Vandaag",
  budgetOf: (remaining: string, limit: string) => `${remaining} van ${limit} over`,
  budgetUnknown: "onbekend",
  division: "Administratie",
  dataAsOf: "Gegevens van",
  noDataYet: "nog geen gegevens opgehaald",
  implicitDivision: (code: number) =>
    `Het laatste antwoord gold alleen voor uw huidige administratie in Exact (${code}), omdat er geen administratie was opgegeven.`,
  refreshAll: "Alles vernieuwen",
  clearCache: "Cache wissen",
  signOut: "Afmelden",
  needsExcel: "Werkt alleen in Excel: open dit taakvenster via het tabblad Exact Online in Excel.",
  signOutHint:
    "Meldt u af in elke werkmap die hier EOL voor Excel gebruikt, niet alleen deze: de aanmelding hoort bij de site van de invoegtoepassing. In Excel op het web heeft elke site waarvandaan Excel bestanden opent (OneDrive, SharePoint) een eigen aanmelding: meld u daar ook af.",
  cacheCleared: "Cache gewist. De volgende vernieuwing haalt verse gegevens uit Exact.",
  refreshed: "Alle EOL-formules zijn opnieuw berekend.",
  refreshedCounts: (outcome: RefreshCounts) => `${refreshCounts(outcome)}.`,
  working: "Bezig…",
  statusFailed: "De status kon niet worden geladen.",

  insertHeading: "Rapportbladen invoegen",
  insertDivisions: "Administraties",
  insertDivisionsHint: "Een nieuw blad met alle administraties waar u toegang toe hebt.",
  insertRoleAudit: "Rollencontrole",
  insertRoleAuditHint: "Een nieuw blad met gebruikers en hun rollen.",
  insertAccessReview: "Toegangsreview",
  insertAccessReviewHint:
    "Een nieuw blad voor een toegangsreview van deze rollen en administraties: houders, bevindingen, wijzigingen sinds de vorige review van deze werkmap (de eerste keer: 90 dagen) en de rollenlijst.",
  roles: "Rollen",
  rolesHint: "Rolnummers, gescheiden door komma's. 274 = Abonnement beheren. Leeg laten voor alle rollen.",
  rolesInvalid: "Gebruik hele getallen gescheiden door komma's (hoogstens 50), bijv. 274, 10.",
  divisionScope: "Welke administraties",
  scopeCurrent: "Huidige administratie",
  scopeAll: "Alle administraties",
  scopeChosen: "Gekozen administraties",
  chooseDivisions: "Te controleren administraties",
  chooseDivisionsRequired: "Kies minstens één administratie.",
  inserted: "Blad ingevoegd.",

  guideHeading: "Handleiding",
  guideRegisterTitle: "Een Exact Online-app registreren",
  guideRegisterSteps: [
    "Meld u aan bij Exact Online en open het App Center.",
    "Kies Mijn apps beheren → Een productie-app registreren.",
    "Vul een appnaam in en, als redirect-URI, het adres dat hierboven bij Redirect-URI staat.",
    "Sla op en kopieer de client-ID en het clientgeheim naar de velden hierboven.",
  ],
  guideRightTitle: "Wie mag apps registreren?",
  guideRight:
    'Voor het registreren van apps is een Exact-gebruiker met het recht "Abonnement beheren" nodig.',
  guideFindTitle: "De gebruikers met dat recht vinden",
  guideFindExact: 'In Exact: Stamgegevens → Gebruikers, kolom "Hoofdcontactpersoon".',
  guideFindHere:
    "Of met één klik hier: voeg =EOL.ROLHOUDERS(274) in het blad in. Dat werkt zodra iemand met toegang zich heeft aangemeld.",
  insertRoleHolders: "=EOL.ROLHOUDERS(274) invoegen",
  roleHoldersInserted: "Formule ingevoegd in de geselecteerde cel.",
  roleHoldersOutside: "Open het venster in Excel om de formule in te voegen; hier kunt u hem kopiëren.",
  guideReviewTitle: "Zo doet u een toegangsreview",
  guideReviewSteps: [
    "Meld u aan en vul onder Rapportbladen invoegen de te controleren rollen in (standaard 274, Abonnement beheren) en de administraties.",
    "Kies Toegangsreview (ook op het lint-tabblad Exact Online: rol 274, alle administraties). Een nieuw blad toont de houders, de bevindingen, de wijzigingen sinds de vorige review van deze werkmap (de eerste keer: de laatste 90 dagen) en de rollenlijst.",
    "Laat elke houder bevestigen door de eigenaar, toets elke toekenning aan een goedgekeurde aanvraag en beëindig de rollen of aanmeldingen die de bevindingen noemen.",
    "Bewaar de werkmap: de volgende toegangsreview toont de wijzigingen sinds deze.",
  ],
  guideAuditTitle: "Tweestapsverificatie en functiescheiding",
  guideAuditPoints: [
    "=EOL.GEBRUIKERS toont per gebruiker of Exact tweestapsverificatie verplicht, of de gebruiker zich ervoor heeft geregistreerd, en hoe de gebruiker aanmeldt (formulier, TOTP, Exact Identity). Bij Exact Identity-gebruikers is de getoonde gebruikersnaam hun e-mailadres: daarmee melden ze zich aan.",
    "=EOL.TOEGANGSBEVINDINGEN en de bevindingen van de review noemen iedereen met rollen zonder tweestapsverificatie, of met verplichte maar niet geregistreerde tweestapsverificatie.",
    'Functiescheiding: welke rollen niet samen mogen gaan, bepaalt uw organisatie. Zet uw regels (rol A, rol B, een naam) in de tabel "Scheidingsregels" van het reviewblad en maak opnieuw een toegangsreview, of gebruik =EOL.SCHEIDINGSCONFLICTEN met een bereik met regels.',
  ],
  guideErrorsTitle: "Wat de foutmeldingen betekenen",

  errors: {
    "12002":
      "De aanmeldpagina kon niet worden geladen. Controleer of de EOL-gateway draait en probeer het opnieuw.",
    "12003":
      "De aanmeldpagina probeerde naar een onveilig (http) adres te gaan. Vraag uw beheerder https te gebruiken.",
    "12004": "Office weigerde het aanmeldadres omdat het niet op het domein van de invoegtoepassing staat.",
    "12005": "Office weigerde het aanmeldadres omdat het geen https gebruikt.",
    "12006":
      "Het aanmeldvenster is gesloten voordat het aanmelden klaar was. Klik op Aanmelden om het opnieuw te proberen.",
    "12007": "Er is nog een ander aanmeldvenster open. Sluit het en probeer het opnieuw.",
    "12009": "Het aanmeldvenster werd niet toegestaan. Klik opnieuw op Aanmelden en kies Toestaan.",
    "12011":
      "Uw browser blokkeerde het aanmeldvenster. Sta pop-ups voor deze site toe en probeer het opnieuw.",
    popup_blocked:
      "Uw browser blokkeerde het aanmeldvenster. Sta pop-ups voor deze site toe en probeer het opnieuw.",
    popup_closed:
      "Het aanmeldvenster is gesloten voordat het aanmelden klaar was. Klik op Aanmelden om het opnieuw te proberen.",
    login_mismatch: "Het aanmeldvenster antwoordde voor een andere aanmelding. Meld u opnieuw aan.",
    bad_message: "Het aanmeldvenster stuurde een onverwacht antwoord. Meld u opnieuw aan.",
    timeout: "Het aanmelden duurde te lang. Meld u opnieuw aan.",
    network_error: "De EOL-gateway is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.",
    timed_out:
      "De EOL-gateway antwoordde niet op tijd. Probeer het later opnieuw; minder administraties gaan sneller.",
    invalid_request:
      "Er ontbreken aanmeldgegevens of ze zijn ongeldig. Controleer de velden en probeer het opnieuw.",
    payload_too_large: "Het verzoek was te groot voor de EOL-gateway.",
    headers_too_large:
      "Het verzoek was te groot voor de EOL-gateway. Probeer een kortere formule of minder administraties.",
    unsupported_media_type: "De EOL-gateway begreep het verzoek niet. Werk de invoegtoepassing bij.",
    forbidden: "De EOL-gateway weigerde dit adres.",
    not_found: "De EOL-gateway kent dit adres niet. Werk de invoegtoepassing bij of vraag het uw beheerder.",
    too_many_requests: "Te veel pogingen. Wacht een minuut en probeer het opnieuw.",
    not_signed_in: "U bent niet aangemeld. Klik op Aanmelden.",
    reauth_required: "Uw Exact-sessie is beëindigd. Meld u opnieuw aan.",
    session_expired: "Uw EOL-sessie is verlopen. Meld u opnieuw aan.",
    login_expired: "Het aanmelden duurde te lang en is verlopen. Meld u opnieuw aan.",
    login_not_found: "Deze aanmelding is onbekend bij de gateway (mogelijk herstart). Meld u opnieuw aan.",
    login_already_redeemed: "Deze aanmelding is al gebruikt. Meld u opnieuw aan.",
    login_pending: "Exact heeft de aanmelding nog niet bevestigd. Probeer het opnieuw.",
    wrong_login_secret: "De aanmelding kon niet worden gecontroleerd. Meld u opnieuw aan.",
    state_mismatch: "Het antwoord van Exact hoorde niet bij deze aanmelding. Meld u opnieuw aan.",
    consent_denied: "In Exact is geen toegang verleend. Meld u opnieuw aan en sta de toegang toe.",
    invalid_client:
      "Exact accepteerde de client-ID of het clientgeheim niet. Kopieer beide opnieuw uit het App Center.",
    redirect_uri_mismatch:
      "De redirect-URI komt niet overeen met die in Exact. Registreer precies het adres dat hierboven staat.",
    managed_app:
      "Uw organisatie beheert de Exact-app; de verbindingsinstellingen kunnen hier niet worden gewijzigd.",
    no_division_access: "U hebt in Exact geen toegang tot die administratie.",
    unknown_division: "Die administratie bestaat niet of is voor u niet beschikbaar.",
    daily_limit_reached:
      "De dagelijkse API-limiet van Exact voor deze administratie is op. Probeer het morgen opnieuw.",
    lookup_limit_reached:
      "EOL heeft dit uur al vaak divisienummers voor u opgezocht. Vraag divisies op die u kunt openen, of probeer het later opnieuw.",
    error_limit_reached:
      "Dit verzoek mislukte steeds bij Exact; EOL heeft het gepauzeerd zodat Exact de app niet blokkeert. Pas het aan en probeer het later opnieuw.",
    exact_blocked:
      "Exact heeft de app voor deze administratie en tabel geblokkeerd na te veel fouten. Probeer het later opnieuw.",
    exact_error: "Exact Online meldde een probleem met het verzoek.",
    exact_unavailable: "Exact Online is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.",
    answer_too_large:
      "Het antwoord is te groot. Beperk het: minder administraties, minder velden, een top of een filter.",
    gateway_busy:
      "De EOL-gateway is bezig met andere grote antwoorden. Probeer het over een paar seconden opnieuw.",
    internal_error:
      "Er ging iets mis in de EOL-gateway. Probeer het opnieuw; blijft het misgaan, neem dan contact op met uw beheerder.",
    gateway_stopping: "De EOL-gateway start opnieuw op. Probeer het zo meteen opnieuw.",
    snapshot_not_found:
      "De gateway heeft de momentopname van deze review niet meer (die blijft 24 uur bewaard): voeg een nieuwe Toegangsreview in en teken die af.",
    snapshot_not_yours:
      "Deze review is ingevoegd door een andere Exact-gebruiker: alleen die kan hem aftekenen.",
    snapshot_expired: "Deze review is ouder dan 24 uur: voeg een nieuwe Toegangsreview in en teken die af.",
    snapshot_signed_off:
      "Deze review is al afgetekend: voeg een nieuwe Toegangsreview in voor een nieuwe aftekening.",
  },
  errorUnknownDialog: (code: string) => `Het aanmeldvenster meldde fout ${code}. Probeer het opnieuw.`,

  progressLabel: (label: string, done: number, total: number) => `${label}: ${done} van ${total}`,
  fanOutProgress: (table: string, done: string, total: string) =>
    `${table}: ${done} van ${total} administraties`,
  tableNames: {
    "role-holders": "Rolhouders",
    "user-roles": "Gebruikersrollen",
    users: "Gebruikers",
    query: "Query",
    roles: "Rollenlijst",
    "role-changes": "Rolwijzigingen",
    "access-issues": "Toegangsproblemen",
    "sod-conflicts": "Conflicten in functiescheiding",
    "access-review": "Toegangsreview",
  },
  somethingWentWrong: "Er ging iets mis.",

  steps: {
    clearingCache: "Opgeslagen Exact Online-gegevens wissen",
    rerunningFormulas: "Elke EOL-formule opnieuw uitvoeren",
    fetchingData: "Verse gegevens ophalen",
    readingTable: "Lezen uit Exact Online",
    writingRows: (rows: number) => `${rows} rijen schrijven`,
    readingReview: "De toegangsreview uit Exact Online lezen",
    writingReview: "Het blad voor de toegangsreview schrijven",
    rememberingReview: "De reviewdatum in deze werkmap onthouden",
    done: "Klaar",
  },
  refreshDone: (outcome: RefreshCounts) => `Klaar: ${refreshCounts(outcome)}`,
  reviewDateNotSaved: (reason: string | undefined) =>
    `De reviewdatum is niet in de werkmap opgeslagen: ${reason ?? "onbekende fout"}`,

  ribbonButtons: {
    showTaskpane: "Taakvenster tonen",
    refreshAll: "Alles vernieuwen",
    signIn: "Aanmelden",
    signOut: "Afmelden",
    clearCache: "Cache wissen",
    insertDivisionsSheet: "Blad administraties",
    insertRoleAuditSheet: "Blad rollencontrole",
    insertAccessReviewSheet: "Toegangsreview",
    signOffAccessReview: "Aftekenen",
  },
  notDone: (button: string) => `${button}: niet gelukt`,
  openPaneToSignIn: "Open het EOL-taakvenster (tabblad Exact Online, Taakvenster tonen) om u aan te melden.",
  close: "OK",

  signInWindowTitle: "EOL voor Excel — aanmelden",
  signInOpening: "Exact Online wordt geopend…",
  signInDone: "Aangemeld",
  signInFailed: "Aanmelden mislukt",
  closeThisWindow: "U kunt dit venster sluiten.",
  signInAlmost: "Bijna aangemeld",
  signInNoIdentity:
    "U bent aangemeld bij Exact Online, maar Exact zei niet wie u bent (het is misschien even niet bereikbaar). Probeer het over een minuut opnieuw.",
  signInTryAgain: "Opnieuw proberen",
  signInTrying: "Opnieuw proberen…",
  signInGatewayAway: "De EOL-gateway is niet bereikbaar. Probeer het zo opnieuw.",

  sheets: {
    divisions: "Administraties",
    roleAudit: "Rollencontrole",
    accessReview: "Toegangsreview",
    dataAsOf: (when: string) => `Gegevens van ${when}`,
    onlyCurrentDivision: (code: number) =>
      `alleen uw huidige administratie in Exact (${code}); er was geen administratie opgegeven`,
    scope: (how: string, divisions: string) => `Bereik: ${how} (${divisions})`,
    oneDivision: (code: number) => `administratie ${code}`,
    divisionCount: (count: number) => `${count} administraties`,
    scopeAll: "alle toegankelijke administraties",
    scopeCurrent: "uw huidige administratie in Exact",
    scopeChosen: "gekozen administraties",
    reviewer: (name: string) => `Beoordelaar: ${name}`,
    changesSincePrevious: (since: string) => `Wijzigingen sinds de vorige review van deze werkmap: ${since}`,
    changesSinceFirst: (since: string, days: number) =>
      `Wijzigingen sinds ${since} (eerste review van deze werkmap: de laatste ${days} dagen)`,
    holders: (roles: readonly number[]) =>
      `Houders van rol${roles.length === 1 ? "" : "len"} ${roles.join(", ")}`,
    findings: (days: number) =>
      `Bevindingen (aanmelding beëindigd, ${days} dagen of langer niet aangemeld, of geen tweestapsverificatie)`,
    changesSince: (since: string) => `Wijzigingen sinds ${since}`,
    catalogue: "Rollenlijst (omschrijvingen zoals in de gegevens van Exact)",
    separationRules:
      'Scheidingsregels: rol A en rol B mogen niet samen bij één gebruiker liggen (bewerk deze tabel; rijen die met "#" beginnen tellen niet mee; de volgende toegangsreview gebruikt ze)',
    separationRuleColumns: ["Rol A", "Rol B", "Regel"],
    separationRuleExample: ["# 11", "21", "Voorbeeld: boeken en facturen goedkeuren (haal de # weg)"],
    conflicts: (rules: number) =>
      rules === 0
        ? "Conflicten in functiescheiding (nog geen regels: vul de scheidingsregels in en maak een nieuwe toegangsreview)"
        : `Conflicten in functiescheiding (gebruikers met beide rollen van een van ${rules} regel${rules === 1 ? "" : "s"})`,
    badSeparationRules: (problem: string) =>
      `De scheidingsregels van de vorige toegangsreview zijn niet bruikbaar: ${problem}. Verbeter de tabel en probeer het opnieuw.`,
    sinceLastSignOff: (at: string, reviewer: string) => `Sinds de laatste aftekening (${at}, ${reviewer})`,
    notSignedOff: (until: string) =>
      `Niet afgetekend: kies per rij een Beslissing en teken dan af (vóór ${until}; daarna een nieuwe review invoegen)`,
    signedOff: (reviewer: string, at: string, id: string, hash: string) =>
      `Afgetekend door ${reviewer} op ${at} — bewijs ${id}, hash ${hash}`,
  },

  signOff: {
    button: "Aftekenen",
    hint: "Legt de beslissingen op het actieve blad Toegangsreview vast als bewijs bij de gateway: wat die leverde, wie aftekende en wanneer.",
    notAReviewSheet:
      "Het actieve blad is geen Toegangsreview die EOL in deze werkmap invoegde (of het is hernoemd): open het reviewblad en probeer het opnieuw.",
    alreadySignedOff: (line: string) => `Deze review is al afgetekend: ${line}`,
    badDecision: (table: string, row: number, value: string) =>
      `Rij ${row} (${table}): "${value}" is geen beslissing; kies Keep, Remove of Investigate.`,
    signing: "De aftekening wordt vastgelegd bij de gateway",
  },

  links: {
    label: "Hulp en links",
    help: "Hulp bij de functies",
    support: "Ondersteuning",
    privacy: "Privacyverklaring",
    registerApp: "Uw Exact-app registreren",
  },
};
