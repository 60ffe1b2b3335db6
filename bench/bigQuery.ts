/**
 * The red team's big query at full scale: two users each ask GET /api/v1/query for all 71 fields of
 * financialtransaction/TransactionLines over 200 of their divisions (accountant-large data set), at
 * once, while a third user keeps asking small queries. The gateway runs in its own process (`npm
 * start`'s entry point) so its peak RSS is the kernel's figure (VmHWM). Before the answer limits this
 * took the process from 122 MiB to 4.3 GiB and killed it ("heap out of memory") after 187 s.
 * Alone: `npx tsx bench/bigQuery.ts` (prints the figures; bench/run.ts writes them to RESULTS.md).
 */
import { defaultGrant, startSimulator } from "../src/simulator";
import { businessBook } from "../src/simulator/data/business";
import { TRANSACTION_LINE } from "../src/simulator/rest/businessSchemas";
import { signInTestUser } from "../test/support/gateway";
import { processMemory, startGatewayProcess } from "../test/support/gatewayProcess";
import { Report } from "./report";

const SECTION =
  "Big query (red team: 2 users × 200 divisions × 71 fields of TransactionLines, accountant-large)";
const APP = { clientId: "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", clientSecret: "big-query-bench" };
const RESOURCE = "financialtransaction/TransactionLines";
const DIVISIONS_PER_USER = 200;
const MiB = 1_048_576;

export async function measureBigQuery(report: Report): Promise<void> {
  const sim = await startSimulator({ dataset: "accountant-large", seed: 1, autoApprove: true });
  const gateway = await startGatewayProcess({
    EOL_DEMO: "0",
    EOL_EXACT_BASE_URL: sim.url,
    LOG_LEVEL: "warn",
  });
  try {
    sim.apps.register({ ...APP, redirectUris: [`${gateway.url}/auth/callback`] });
    const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
    const readable = (userId: string) => defaultGrant(sim.data, userId).filter((code) => !blocked.has(code));
    const [first, second, bystander] = [...sim.data.users]
      .sort((a, b) => readable(b.userId).length - readable(a.userId).length)
      .map((user) => user.userId);
    const target = { url: gateway.url, simulator: sim, fetch: globalThis.fetch };
    const signIn = async (userId: string) => {
      const { sessionToken } = await signInTestUser(target, { country: "nl", ...APP, userId });
      return { authorization: `Bearer ${sessionToken}` };
    };
    const attackers = [await signIn(first), await signIn(second)];
    const other = await signIn(bystander);
    const fields = [...TRANSACTION_LINE.entity.fields.keys()].join(",");
    const asked = [first, second].map((userId) => readable(userId).slice(0, DIVISIONS_PER_USER));
    const rssBefore = processMemory(gateway.child.pid!)?.rss ?? 0;
    sim.log.reset();

    const started = Date.now();
    const attacks = attackers.map(async (headers, index) => {
      const query = `resource=${RESOURCE}&select=${fields}&divisions=${asked[index].join(",")}`;
      const response = await fetch(`${gateway.url}/api/v1/query?${query}`, { headers });
      const text = await response.text();
      return { status: response.status, bytes: text.length, seconds: (Date.now() - started) / 1000, text };
    });
    let settled = false;
    void Promise.allSettled(attacks).then(() => (settled = true));
    const bystanderTimes: number[] = [];
    const bystanderStatuses: number[] = [];
    const ownDivision = readable(bystander)[0];
    do {
      const asking = Date.now();
      const response = await fetch(
        `${gateway.url}/api/v1/query?resource=crm/Accounts&select=Code,Name&top=5&division=${ownDivision}`,
        { headers: { ...other, "cache-control": "no-cache" } },
      );
      await response.arrayBuffer();
      bystanderStatuses.push(response.status);
      bystanderTimes.push(Date.now() - asking);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } while (!settled);
    const answers = await Promise.all(attacks);
    const peak = gateway.peakRssBytes();
    const needed = asked
      .flat()
      .map((division) => businessBook(sim.data, division)?.transactionLines.length ?? 0)
      .reduce((pages, lines) => pages + Math.max(1, Math.ceil(lines / 60)), 0);
    const fetched = sim.log.count({ kind: "api", endpoint: RESOURCE });
    const alive = gateway.exited() === null;

    report.add({
      section: SECTION,
      name: "Peak RSS of the gateway process (VmHWM)",
      measured: peak === null ? `process died (${gateway.exited()})` : `${(peak / MiB).toFixed(0)} MiB`,
      goal: "< 512 MiB, process alive",
      met: alive && peak !== null && peak < 512 * MiB,
      note: `resident ${(rssBefore / MiB).toFixed(0)} MiB after start and sign-ins; the peak includes tsx compiling the gateway at start`,
    });
    const codes = answers.map((answer) => {
      const code =
        answer.status === 200 ? "table" : (JSON.parse(answer.text) as { error: { code: string } }).error.code;
      return `${answer.status} ${code} (${(answer.bytes / 1024).toFixed(1)} KB) in ${answer.seconds.toFixed(1)} s`;
    });
    report.add({
      section: SECTION,
      name: "The two big queries' answers",
      measured: codes.join("; "),
      goal: "a clear 4xx each, not a table of ~340 MB",
      met: answers.every((answer) => answer.status === 422),
    });
    report.add({
      section: SECTION,
      name: "Pages of TransactionLines fetched from Exact",
      measured: `${fetched} of the ${needed} the two answers would need`,
      goal: "paging stops at the limit",
      met: fetched < needed / 10,
    });
    report.add({
      section: SECTION,
      name: "A third user's small query meanwhile (no-cache)",
      measured: `${bystanderStatuses.filter((status) => status === 200).length} of ${bystanderStatuses.length} answered 200, slowest ${Math.max(...bystanderTimes)} ms`,
      goal: "all answered",
      met: bystanderStatuses.every((status) => status === 200),
    });
  } finally {
    await gateway.stop();
    await sim.close();
  }
}

if (require.main === module) {
  measureBigQuery(new Report()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
