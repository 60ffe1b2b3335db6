/** Shows the long operations' "progress" events (Refresh all, insert sheet) and busy work of the pane. */
import { useEffect, useState } from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { on, type AddinEvents } from "../events";
import { useStrings } from "./strings";

type Progress = AddinEvents["progress"];

export function ProgressIndicator({ busyLabel }: { busyLabel: string | null }) {
  const s = useStrings();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(
    () => on("progress", (event) => setProgress(event.done >= event.total || event.error ? null : event)),
    [],
  );

  if (progress) {
    const label = s.progressLabel(progress.label, progress.done, progress.total);
    return (
      <Field validationMessage={label} validationState="none">
        <ProgressBar value={progress.total ? progress.done / progress.total : undefined} aria-label={label} />
      </Field>
    );
  }
  if (!busyLabel) return null;
  return (
    <Field validationMessage={busyLabel} validationState="none">
      <ProgressBar aria-label={busyLabel} />
    </Field>
  );
}
