/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { isValidClientId, normalizeClientId } from "../../../src/addin/auth/connectionSettings";
import {
  exactOnlyConfig,
  fakeGateway,
  fakePopup,
  postCompletion,
  signInRoutes,
  unmanagedConfig,
} from "../../support/addin/fakeGateway";
import { renderPane, resetPaneState } from "../../support/addin/renderPane";

/** The one-time code auth-complete.html passes on; redeem must send it. */
const COMPLETION = "c".repeat(43);

const GUID = "3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f";

beforeEach(resetPaneState);
afterEach(() => jest.restoreAllMocks());

describe("client ID validation", () => {
  test.each([
    [GUID, true],
    [`{${GUID}}`, true],
    [` ${GUID.toUpperCase()} `, true],
    [`{${GUID}`, false],
    [GUID.slice(0, -1), false],
    ["not-a-guid", false],
    [`${GUID}x`, false],
  ])("%s → %s", (value, valid) => {
    expect(isValidClientId(value)).toBe(valid);
  });

  test("normalizes braces, spaces and case", () => {
    expect(normalizeClientId(` {${GUID.toUpperCase()}} `)).toBe(GUID);
  });

  test("shows the error while typing and clears it once the GUID is complete", async () => {
    const user = userEvent.setup();
    renderPane(fakeGateway(signInRoutes(exactOnlyConfig)).client);
    const input = await screen.findByRole("textbox", { name: "Client ID" });
    await user.type(input, "3f1c0b4e");
    expect(screen.getByText(/Enter a GUID such as/)).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    await user.clear(input);
    await user.type(input, `{{${GUID}}`); // user-event: "{{" types one literal brace
    expect(input).toHaveValue(`{${GUID}}`);
    expect(screen.queryByText(/Enter a GUID such as/)).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute("aria-invalid", "true");
  });
});

describe("connection form", () => {
  test("has exactly the accessible names the guide and the end-to-end tests use", async () => {
    renderPane(fakeGateway(signInRoutes(exactOnlyConfig)).client);
    expect(await screen.findByRole("combobox", { name: "Country" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Client ID" })).toBeInTheDocument();
    expect(screen.getByLabelText("Client secret")).toHaveAttribute("type", "password");
    const redirect = screen.getByRole("textbox", { name: "Redirect URI" });
    expect(redirect).toHaveValue(unmanagedConfig.redirectUri);
    expect(redirect).toHaveAttribute("readonly");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
    const countries = screen.getAllByRole("option").map((option) => option.textContent);
    expect(countries).toEqual(expect.arrayContaining(["Netherlands", "United Kingdom"]));
    expect(countries).not.toContain("Demo (built-in sample data)"); // the demo is off on this gateway
  });

  test("the redirect URI becomes editable under Advanced and is validated", async () => {
    const user = userEvent.setup();
    renderPane(fakeGateway(signInRoutes(exactOnlyConfig)).client);
    await user.click(await screen.findByRole("checkbox", { name: "Advanced" }));
    const redirect = screen.getByRole("textbox", { name: "Redirect URI" });
    expect(redirect).not.toHaveAttribute("readonly");
    await user.clear(redirect);
    await user.type(redirect, "http://proxy.example.com/cb");
    expect(screen.getByText(/Enter a full https:\/\/ address/)).toBeInTheDocument();
  });

  test("a custom redirect URI (reverse proxy) is sent and remembered", async () => {
    const user = userEvent.setup();
    jest.spyOn(window, "open").mockReturnValue(fakePopup() as unknown as Window);
    const gateway = fakeGateway(signInRoutes());
    renderPane(gateway.client);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Country" }), "nl");
    await user.type(screen.getByLabelText("Client ID"), "3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f");
    await user.type(screen.getByLabelText("Client secret"), "s3cret");
    await user.click(screen.getByRole("checkbox", { name: "Advanced" }));
    const redirect = screen.getByRole("textbox", { name: "Redirect URI" });
    await user.clear(redirect);
    await user.click(redirect);
    await user.paste("https://excel.example.com/auth/callback");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() =>
      expect(gateway.requests.find((r) => r.path === "/auth/logins")?.body).toMatchObject({
        country: "nl",
        redirectUri: "https://excel.example.com/auth/callback",
      }),
    );
    expect(JSON.parse(localStorage.getItem("eol.connectionSettings")!)).toMatchObject({
      redirectUri: "https://excel.example.com/auth/callback",
    });
  });

  test("the demo needs no app: its fields are hidden and only the country is sent", async () => {
    const user = userEvent.setup();
    jest.spyOn(window, "open").mockReturnValue(fakePopup() as unknown as Window);
    const gateway = fakeGateway(signInRoutes());
    renderPane(gateway.client);
    const country = await screen.findByRole("combobox", { name: "Country" });
    await user.selectOptions(country, "nl");
    await user.type(screen.getByLabelText("Client ID"), "3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f");
    await user.selectOptions(country, "demo");
    for (const name of ["Client ID", "Client secret", "Redirect URI"]) {
      expect(screen.queryByLabelText(name)).not.toBeInTheDocument();
    }
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() =>
      expect(gateway.requests.find((r) => r.path === "/auth/logins")?.body).toEqual({
        country: "demo",
        loginSecret: expect.any(String),
      }),
    );
  });

  test("managed mode hides the fields and offers only Sign in", async () => {
    const managed = { ...unmanagedConfig, managed: true, country: "nl" as const };
    renderPane(fakeGateway(signInRoutes(managed)).client);
    expect(await screen.findByText("Managed by your organisation")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
    for (const name of ["Country", "Client ID", "Client secret", "Redirect URI"]) {
      expect(screen.queryByLabelText(name)).not.toBeInTheDocument();
    }
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });

  test("requires client ID and secret for a real country before opening any window", async () => {
    const user = userEvent.setup();
    const open = jest.spyOn(window, "open");
    const gateway = fakeGateway(signInRoutes(exactOnlyConfig));
    renderPane(gateway.client);
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(screen.getByText("Enter the client ID of your Exact app.")).toBeInTheDocument();
    expect(screen.getByText("Enter the client secret of your Exact app.")).toBeInTheDocument();
    expect(open).not.toHaveBeenCalled();
    expect(gateway.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  test("sends the secret once, never stores it, and remembers only the non-secret settings", async () => {
    const user = userEvent.setup();
    const popup = fakePopup();
    jest.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
    const gateway = fakeGateway(signInRoutes());
    renderPane(gateway.client);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Country" }), "be");
    await user.type(screen.getByRole("textbox", { name: "Client ID" }), `{{${GUID.toUpperCase()}}`);
    await user.type(screen.getByLabelText("Client secret"), "s3cr3t-Value!");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    const login = await waitFor(() => {
      const found = gateway.requests.find((r) => r.method === "POST" && r.path === "/auth/logins");
      expect(found).toBeDefined();
      return found!;
    });
    expect(login.body).toMatchObject({ country: "be", clientId: GUID, clientSecret: "s3cr3t-Value!" });
    expect((login.body as { loginSecret: string }).loginSecret.length).toBeGreaterThanOrEqual(32);
    expect(login.body).not.toHaveProperty("redirectUri"); // the gateway's own callback is the default
    expect(screen.getByLabelText("Client secret")).toHaveValue("");

    await waitFor(() => expect(popup.location.href).toBe(`${"http://localhost"}/sign-in.html?login=login-1`));
    postCompletion({ type: "eol-login", status: "ok", loginId: "login-1", completionCode: COMPLETION });
    expect(await screen.findByText("Jan de Vries")).toBeInTheDocument();

    const stored = Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? "");
    expect(stored.join("\n")).not.toContain("s3cr3t");
    expect(JSON.parse(localStorage.getItem("eol.connectionSettings")!)).toEqual({
      country: "be",
      clientId: GUID,
      redirectUri: "",
    });
    expect(localStorage.getItem("eol.sessionToken")).toBe("tok-123");
    // No request ever carried the secret in its URL.
    expect(gateway.requests.some((r) => r.path.includes("s3cr3t"))).toBe(false);
  });

  test("with the demo on and nothing remembered, the demo is chosen, explained, and signs in at once", async () => {
    const user = userEvent.setup();
    jest.spyOn(window, "open").mockReturnValue(fakePopup() as unknown as Window);
    const gateway = fakeGateway(signInRoutes());
    renderPane(gateway.client);
    expect(await screen.findByRole("combobox", { name: "Country" })).toHaveValue("demo");
    expect(screen.getByText("Demo: sample data, no Exact account")).toBeInTheDocument();
    expect(screen.getByText(/built-in Exact Online simulator/)).toBeInTheDocument();
    expect(screen.queryByLabelText("Client ID")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() =>
      expect(gateway.requests.find((r) => r.path === "/auth/logins")?.body).toMatchObject({
        country: "demo",
      }),
    );
    const body = gateway.requests.find((r) => r.path === "/auth/logins")!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty("clientId");
    expect(body).not.toHaveProperty("clientSecret");
  });

  test("a remembered country wins over the demo default", async () => {
    localStorage.setItem(
      "eol.connectionSettings",
      JSON.stringify({ country: "uk", clientId: GUID, redirectUri: "" }),
    );
    renderPane(fakeGateway(signInRoutes()).client);
    expect(await screen.findByRole("combobox", { name: "Country" })).toHaveValue("uk");
    expect(screen.getByRole("textbox", { name: "Client ID" })).toHaveValue(GUID);
    expect(screen.queryByText("Demo: sample data, no Exact account")).not.toBeInTheDocument();
  });

  test("without the demo the first country is chosen and asks for the app", async () => {
    renderPane(fakeGateway(signInRoutes(exactOnlyConfig)).client);
    expect(await screen.findByRole("combobox", { name: "Country" })).toHaveValue("nl");
    expect(screen.getByRole("textbox", { name: "Client ID" })).toBeInTheDocument();
  });
});
