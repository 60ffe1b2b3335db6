/** The minute/day budget of the divisions in use and how fresh the data is. */
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DivisionBudget } from "../../shared/api";
import { formatDateTime, formatNumber, latest } from "./format";
import { useLanguage, useStrings } from "./strings";
import type { StatusControls } from "./useStatus";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "left",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold },
  },
});

/** `otherAsOf`: freshness of data the pane fetched itself (the division list), also "data". */
export function StatusPanel({ status, otherAsOf }: { status: StatusControls; otherAsOf: string | null }) {
  const s = useStrings();
  const language = useLanguage();
  const styles = useStyles();
  const { state, lastRefreshAsOf, lastImplicitDivision } = status;

  const budget = (remaining: number | null, limit: number | null): string =>
    remaining === null || limit === null
      ? s.budgetUnknown
      : s.budgetOf(formatNumber(remaining, language), formatNumber(limit, language));

  const row = (b: DivisionBudget) => (
    <tr key={b.division}>
      <td>{b.division}</td>
      <td>{budget(b.minuteRemaining, b.minuteLimit)}</td>
      <td>{budget(b.dayRemaining, b.dayLimit)}</td>
    </tr>
  );

  let body;
  if (state.kind === "loading") body = <Spinner size="tiny" label={s.loading} />;
  else if (state.kind === "error")
    body = (
      <MessageBar intent="warning">
        <MessageBarBody>
          {s.statusFailed} {state.message}
        </MessageBarBody>
      </MessageBar>
    );
  else {
    const asOf = latest(latest(state.status.cache.newestAsOf, lastRefreshAsOf), otherAsOf);
    body = (
      <>
        {state.status.budgets.length === 0 ? (
          <Text size={200}>{s.budgetEmpty}</Text>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{s.division}</th>
                <th scope="col">{s.budgetMinute}</th>
                <th scope="col">{s.budgetDay}</th>
              </tr>
            </thead>
            <tbody>{state.status.budgets.map(row)}</tbody>
          </table>
        )}
        <Caption1>
          {s.dataAsOf}: {asOf ? formatDateTime(asOf, language) : s.noDataYet}
        </Caption1>
        {lastImplicitDivision !== null && <Caption1>{s.implicitDivision(lastImplicitDivision)}</Caption1>}
      </>
    );
  }

  return (
    <section className={styles.section} aria-labelledby="eol-budget-heading">
      <Subtitle2 as="h2" id="eol-budget-heading">
        {s.budgetHeading}
      </Subtitle2>
      {body}
    </section>
  );
}
