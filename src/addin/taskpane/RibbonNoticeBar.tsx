/**
 * The ribbon's latest message (commands/noticeBoard.ts) at the top of the pane, until dismissed: a
 * message Office did not let the ribbon show (pane not shown, dialog refused) is read here.
 */
import { useEffect, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { dismissNotice, latestNotice, watchNotices } from "../commands/noticeBoard";
import { noticeTexts } from "../commands/noticeMessage";
import { useStrings } from "./strings";

export function RibbonNoticeBar() {
  const s = useStrings();
  const [notice, setNotice] = useState(latestNotice);
  useEffect(() => watchNotices(setNotice), []);
  if (!notice) return null;
  const { title, text } = noticeTexts(s, notice);
  return (
    <MessageBar intent={notice.failed ? "error" : "info"} layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {text}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={dismissNotice}>{s.close}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
