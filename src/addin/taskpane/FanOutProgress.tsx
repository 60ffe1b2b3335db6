/** One progress bar per long table request on its way: "Role holders: 340 of 1,500 divisions". */
import { Field, ProgressBar } from "@fluentui/react-components";
import { formatNumber } from "./format";
import { useLanguage, useStrings } from "./strings";
import { useFanOutProgress } from "./useFanOutProgress";

export function FanOutProgress() {
  const s = useStrings();
  const language = useLanguage();
  const entries = useFanOutProgress();
  return (
    <>
      {entries.map((entry) => {
        const table = s.tableNames[entry.table] ?? entry.table;
        const label = s.fanOutProgress(
          table,
          formatNumber(entry.done, language),
          formatNumber(entry.total, language),
        );
        return (
          <Field key={entry.requestId} validationMessage={label} validationState="none">
            <ProgressBar value={entry.done / entry.total} max={1} aria-label={label} />
          </Field>
        );
      })}
    </>
  );
}
