/** The collapsible guide: registering an Exact app, who may do it, how to find them, and our errors. */
import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { GUIDE_ERROR_CODES, errorText } from "../i18n";
import { functionCall, withOwnNamespace } from "../functionNamespace";
import { useServices } from "./services";
import { useStrings } from "./strings";
import { useCopy } from "./useCopy";

/** The formula the guide inserts, as this Excel knows the function (namespace and local name). */
const roleHoldersFormula = () => functionCall("ROLEHOLDERS", "274");

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  terms: {
    margin: 0,
    "& dt": { fontWeight: tokens.fontWeightSemibold },
    "& dd": { marginLeft: 0, marginBottom: tokens.spacingVerticalS },
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export function Guide({ redirectUri }: { redirectUri: string | null }) {
  const s = useStrings();
  const styles = useStyles();
  const { insertFormula } = useServices();
  const [note, setNote] = useState("");
  const [copyState, copy] = useCopy();

  const insertRoleHolders = async (): Promise<void> => {
    if (!insertFormula) {
      await copy(roleHoldersFormula());
      setNote(s.roleHoldersOutside);
      return;
    }
    try {
      await insertFormula(roleHoldersFormula());
      setNote(s.roleHoldersInserted);
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section aria-labelledby="eol-guide-heading">
      <Subtitle2 as="h2" id="eol-guide-heading">
        {s.guideHeading}
      </Subtitle2>
      <Accordion collapsible multiple>
        <AccordionItem value="register">
          <AccordionHeader as="h3">{s.guideRegisterTitle}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <ol className={styles.list}>
              {s.guideRegisterSteps.map((step) => (
                <li key={step}>
                  <Text>{step}</Text>
                </li>
              ))}
            </ol>
            {redirectUri && <Text className={styles.code}>{redirectUri}</Text>}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="right">
          <AccordionHeader as="h3">{s.guideRightTitle}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Text>{s.guideRight}</Text>
            <Text weight="semibold">{s.guideFindTitle}</Text>
            <Text>{s.guideFindExact}</Text>
            <Text>{withOwnNamespace(s.guideFindHere)}</Text>
            <Button onClick={() => void insertRoleHolders()}>
              {s.insertRoleHolders.replace(/=EOL\.\w+\(274\)/, roleHoldersFormula())}
            </Button>
            <Text role="status" aria-live="polite" size={200}>
              {copyState === "failed" ? s.copyFailed : note}
            </Text>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="review">
          <AccordionHeader as="h3">{s.guideReviewTitle}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <ol className={styles.list}>
              {s.guideReviewSteps.map((step) => (
                <li key={step}>
                  <Text>{withOwnNamespace(step)}</Text>
                </li>
              ))}
            </ol>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="audit">
          <AccordionHeader as="h3">{s.guideAuditTitle}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <ul className={styles.list}>
              {s.guideAuditPoints.map((point) => (
                <li key={point}>
                  <Text>{withOwnNamespace(point)}</Text>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="errors">
          <AccordionHeader as="h3">{s.guideErrorsTitle}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <dl className={styles.terms}>
              {GUIDE_ERROR_CODES.map((code) => (
                <div key={code}>
                  <dt className={styles.code}>{code}</dt>
                  <dd>{errorText(s, code)}</dd>
                </div>
              ))}
            </dl>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
