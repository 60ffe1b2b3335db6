/**
 * Signed in: who and where, the API budget, Refresh all / Clear cache / Sign out, progress (of the
 * pane's own actions and of long table requests, the custom functions' too), and the insert-sheet section. Actions are the shared ones from commands/actions.ts.
 */
import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DeleteRegular, SignOutRegular } from "@fluentui/react-icons";
import type { SessionInfo } from "../../shared/api";
import type { AccessReviewOptions, RoleAuditOptions } from "../commands/actions";
import { signedOffLine } from "../excel/reviewDecisions";
import { describeError, errorText } from "../i18n";
import { useDivisions } from "./divisions";
import { FanOutProgress } from "./FanOutProgress";
import { InsertSheets } from "./InsertSheets";
import { ProgressIndicator } from "./ProgressIndicator";
import { useServices } from "./services";
import { StatusPanel } from "./StatusPanel";
import { useStrings } from "./strings";
import { useStatus } from "./useStatus";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Notice = { intent: "success" | "error"; text: string } | null;

export function SignedInView({ session, onSignOut }: { session: SessionInfo; onSignOut(): Promise<void> }) {
  const s = useStrings();
  const styles = useStyles();
  const { actions, inOffice } = useServices();
  // Outside Excel (a browser tab) there is no workbook: the buttons that need one say so instead.
  const needsExcel = inOffice ? null : s.needsExcel;
  const divisions = useDivisions();
  const status = useStatus();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const run = async <T,>(
    label: string,
    action: () => Promise<T>,
    done: string | ((result: T) => string),
  ): Promise<void> => {
    setBusy(label);
    setNotice(null);
    try {
      const result = await action();
      setNotice({ intent: "success", text: typeof done === "string" ? done : done(result) });
    } catch (error) {
      setNotice({ intent: "error", text: describeError(s, error) });
    } finally {
      setBusy(null);
      status.reload();
    }
  };

  const divisionCount =
    divisions.kind === "ready"
      ? String(divisions.divisions.length)
      : divisions.kind === "loading"
        ? "…"
        : "—";
  const currentName =
    divisions.kind === "ready"
      ? divisions.divisions.find((d) => d.code === session.currentDivision)?.name
      : undefined;

  return (
    <div className={styles.view}>
      <section className={styles.section} aria-labelledby="eol-session-heading">
        <Subtitle2 as="h2" id="eol-session-heading">
          {s.signedInHeading}
        </Subtitle2>
        <dl className={styles.facts}>
          <dt>{s.user}</dt>
          <dd>{session.user.fullName || session.user.userName}</dd>
          <dt>{s.country}</dt>
          <dd>{s.countryNames[session.country]}</dd>
          <dt>{s.currentDivision}</dt>
          <dd>
            {session.currentDivision === null
              ? s.none
              : currentName
                ? `${session.currentDivision} — ${currentName}`
                : session.currentDivision}
          </dd>
          <dt>{s.divisionCount}</dt>
          <dd>{divisionCount}</dd>
        </dl>
      </section>
      {divisions.kind === "error" && (
        <MessageBar intent="warning">
          <MessageBarBody>{errorText(s, divisions.code, divisions.message)}</MessageBarBody>
        </MessageBar>
      )}
      <StatusPanel status={status} otherAsOf={divisions.kind === "ready" ? divisions.asOf : null} />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<ArrowSyncRegular />}
          disabled={!!busy || needsExcel !== null}
          aria-describedby={needsExcel ? "eol-needs-excel" : undefined}
          onClick={() =>
            void run(s.refreshAll, actions.refreshAll, (outcome) =>
              outcome ? s.refreshedCounts(outcome) : s.refreshed,
            )
          }
        >
          {s.refreshAll}
        </Button>
        <Button
          icon={<DeleteRegular />}
          disabled={!!busy}
          onClick={() => void run(s.clearCache, actions.clearCache, s.cacheCleared)}
        >
          {s.clearCache}
        </Button>
        <Button
          icon={<SignOutRegular />}
          disabled={!!busy}
          title={s.signOutHint}
          onClick={() => void onSignOut()}
        >
          {s.signOut}
        </Button>
      </div>
      {needsExcel && (
        <Text id="eol-needs-excel" size={200}>
          {needsExcel}
        </Text>
      )}
      <ProgressIndicator busyLabel={busy ? `${busy}: ${s.working}` : null} />
      <FanOutProgress />
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <InsertSheets
        divisions={divisions}
        busy={!!busy}
        needsExcel={needsExcel}
        onInsertDivisions={() => void run(s.insertDivisions, actions.insertDivisionsSheet, s.inserted)}
        onInsertRoleAudit={(options: RoleAuditOptions) =>
          void run(s.insertRoleAudit, () => actions.insertRoleAuditSheet(options), s.inserted)
        }
        onInsertAccessReview={(options: AccessReviewOptions) =>
          void run(s.insertAccessReview, () => actions.insertAccessReviewSheet(options), s.inserted)
        }
        onSignOff={() =>
          void run(s.signOff.button, actions.signOffAccessReview, (signed) =>
            signedOffLine(signed, s.sheets.signedOff),
          )
        }
      />
    </div>
  );
}
