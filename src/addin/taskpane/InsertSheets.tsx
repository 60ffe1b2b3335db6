/** Buttons that insert the ready-made report sheets, through the shared actions (commands/actions.ts). */
import { useState } from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RoleAuditOptions } from "../commands/actions";
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
  dropdown: { minWidth: 0, width: "100%" },
});

type Scope = "current" | "all" | "chosen";

export interface InsertSheetsProps {
  divisions: DivisionsState;
  busy: boolean;
  onInsertDivisions(): void;
  onInsertRoleAudit(options: RoleAuditOptions): void;
}

export function InsertSheets({ divisions, busy, onInsertDivisions, onInsertRoleAudit }: InsertSheetsProps) {
  const s = useStrings();
  const styles = useStyles();
  const [rolesText, setRolesText] = useState(String(DEFAULT_ROLE));
  const [scope, setScope] = useState<Scope>("current");
  const [chosen, setChosen] = useState<string[]>([]);
  const [triedAudit, setTriedAudit] = useState(false);

  const roles = parseRoles(rolesText);
  const chosenMissing = triedAudit && scope === "chosen" && chosen.length === 0;
  const options = divisions.kind === "ready" ? divisions.divisions : [];

  const audit = (): void => {
    setTriedAudit(true);
    if (roles === null || (scope === "chosen" && chosen.length === 0)) return;
    const scopeOption: RoleAuditOptions["divisions"] =
      scope === "all" ? "all" : scope === "chosen" ? chosen.map(Number) : undefined;
    onInsertRoleAudit({ roles, ...(scopeOption ? { divisions: scopeOption } : {}) });
  };

  return (
    <section className={styles.section} aria-labelledby="eol-insert-heading">
      <Subtitle2 as="h2" id="eol-insert-heading">
        {s.insertHeading}
      </Subtitle2>
      <div className={styles.group}>
        <Text size={200}>{s.insertDivisionsHint}</Text>
        <Button onClick={onInsertDivisions} disabled={busy}>
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
            <Radio value="current" label={s.scopeCurrent} />
            <Radio value="all" label={s.scopeAll} />
            <Radio value="chosen" label={s.scopeChosen} disabled={options.length === 0} />
          </RadioGroup>
        </Field>
        {scope === "chosen" && (
          <Field
            label={s.chooseDivisions}
            validationState={chosenMissing ? "error" : "none"}
            validationMessage={chosenMissing ? s.chooseDivisionsRequired : undefined}
          >
            <Dropdown
              className={styles.dropdown}
              multiselect
              selectedOptions={chosen}
              onOptionSelect={(_, data) => setChosen(data.selectedOptions)}
              value={chosen.join(", ")}
            >
              {options.map((division) => (
                <Option key={division.code} value={String(division.code)}>
                  {division.name ? `${division.code} — ${division.name}` : String(division.code)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Button onClick={audit} disabled={busy}>
          {s.insertRoleAudit}
        </Button>
      </div>
    </section>
  );
}
