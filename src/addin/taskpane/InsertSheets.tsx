/** Buttons that insert the ready-made report sheets, through the shared actions (commands/actions.ts). */
import { useId, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { AccessReviewOptions, RoleAuditOptions } from "../commands/actions";
import type { DivisionsState } from "./divisions";
import { DEFAULT_ROLE, parseRoles } from "./roles";
import { useStrings } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  chooser: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  divisionList: {
    display: "flex",
    flexDirection: "column",
    maxHeight: "12rem",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

type Scope = "current" | "all" | "chosen";

export interface InsertSheetsProps {
  divisions: DivisionsState;
  busy: boolean;
  /** Why the sheets cannot be inserted here (outside Excel), or null. */
  needsExcel: string | null;
  onInsertDivisions(): void;
  onInsertRoleAudit(options: RoleAuditOptions): void;
  /** The access review over the same roles and divisions as the role audit. */
  onInsertAccessReview(options: AccessReviewOptions): void;
  /** Signs off the active Access review sheet. */
  onSignOff(): void;
}

export function InsertSheets({
  divisions,
  busy,
  needsExcel,
  onInsertDivisions,
  onInsertRoleAudit,
  onInsertAccessReview,
  onSignOff,
}: InsertSheetsProps) {
  const s = useStrings();
  const styles = useStyles();
  const [rolesText, setRolesText] = useState(String(DEFAULT_ROLE));
  // Audits cover every division by default; the current division is a choice, not a silent default.
  const [scope, setScope] = useState<Scope>("all");
  const [chosen, setChosen] = useState<number[]>([]);
  const [triedAudit, setTriedAudit] = useState(false);
  const chooseId = useId();

  const roles = parseRoles(rolesText);
  const chosenMissing = triedAudit && scope === "chosen" && chosen.length === 0;
  const options = divisions.kind === "ready" ? divisions.divisions : [];

  /** Both sheets take the roles and divisions chosen here, once they are valid. */
  const withChoice = (insert: (options: RoleAuditOptions) => void) => (): void => {
    setTriedAudit(true);
    if (roles === null || (scope === "chosen" && chosen.length === 0)) return;
    insert({ roles, divisions: scope === "chosen" ? chosen : scope });
  };
  const audit = withChoice(onInsertRoleAudit);
  const review = withChoice(onInsertAccessReview);

  return (
    <section className={styles.section} aria-labelledby="eol-insert-heading">
      <Subtitle2 as="h2" id="eol-insert-heading">
        {s.insertHeading}
      </Subtitle2>
      {needsExcel && (
        <Text id="eol-insert-needs-excel" size={200}>
          {needsExcel}
        </Text>
      )}
      <div className={styles.group}>
        <Text size={200}>{s.insertDivisionsHint}</Text>
        <Button
          onClick={onInsertDivisions}
          disabled={busy || needsExcel !== null}
          aria-describedby={needsExcel ? "eol-insert-needs-excel" : undefined}
        >
          {s.insertDivisions}
        </Button>
      </div>
      <div className={styles.group}>
        <Text size={200}>{s.insertRoleAuditHint}</Text>
        <Field
          label={s.roles}
          hint={roles === null ? undefined : s.rolesHint}
          validationState={roles === null ? "error" : "none"}
          validationMessage={roles === null ? s.rolesInvalid : undefined}
        >
          <Input value={rolesText} onChange={(_, data) => setRolesText(data.value)} inputMode="numeric" />
        </Field>
        <Field label={s.divisionScope}>
          <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as Scope)}>
            <Radio value="all" label={s.scopeAll} />
            <Radio value="current" label={s.scopeCurrent} />
            <Radio value="chosen" label={s.scopeChosen} disabled={options.length === 0} />
          </RadioGroup>
        </Field>
        {scope === "chosen" && (
          // Not a Field: Field would hand its label to the first checkbox only.
          <div role="group" aria-labelledby={chooseId} className={styles.chooser}>
            <Label id={chooseId}>{s.chooseDivisions}</Label>
            <div className={styles.divisionList}>
              {options.map((division) => (
                <Checkbox
                  key={division.code}
                  label={division.name ? `${division.code} — ${division.name}` : String(division.code)}
                  checked={chosen.includes(division.code)}
                  onChange={(_, data) =>
                    setChosen((list) =>
                      data.checked ? [...list, division.code] : list.filter((code) => code !== division.code),
                    )
                  }
                />
              ))}
            </div>
            {chosenMissing && (
              <Text role="alert" size={200} className={styles.error}>
                {s.chooseDivisionsRequired}
              </Text>
            )}
          </div>
        )}
        <Button
          onClick={audit}
          disabled={busy || needsExcel !== null}
          aria-describedby={needsExcel ? "eol-insert-needs-excel" : undefined}
        >
          {s.insertRoleAudit}
        </Button>
        <Text size={200}>{s.insertAccessReviewHint}</Text>
        <Button
          onClick={review}
          disabled={busy || needsExcel !== null}
          aria-describedby={needsExcel ? "eol-insert-needs-excel" : undefined}
        >
          {s.insertAccessReview}
        </Button>
        <Text size={200}>{s.signOff.hint}</Text>
        <Button
          onClick={onSignOff}
          disabled={busy || needsExcel !== null}
          aria-describedby={needsExcel ? "eol-insert-needs-excel" : undefined}
        >
          {s.signOff.button}
        </Button>
      </div>
    </section>
  );
}
