import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Title2,
  Body1,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostInfo } from "../office";

export function App({ host }: { host: HostInfo }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: "100%" }}>
      <main>
        <Title2 as="h1">EOL for Excel</Title2>
        {host.inOffice ? (
          <Body1 as="p">Connected to Excel. Sign-in arrives in the next release.</Body1>
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>
              Open this page from Excel: on the Exact Online tab choose Show task pane. Custom functions such
              as =EOL.DIVISIONS() only run inside Excel.
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
