/**
 * The add-in's identity and support contact as this gateway serves them (docs/deploy.md, "One add-in per
 * gateway"): EOL_ADDIN_ID, EOL_ADDIN_NAME and EOL_FUNCTION_NAMESPACE give the manifest its own Id, name
 * and function namespace; EOL_SUPPORT_URL and EOL_SUPPORT_EMAIL are the contact on the support page.
 * Unset, the repository's manifest is served unchanged.
 */
import {
  DEFAULT_ADDIN_IDENTITY,
  DEFAULT_FUNCTION_NAMESPACE,
  type AddinIdentity,
} from "../../shared/manifestIdentity";
import { ConfigError, ProblemCollector } from "./problems";

export interface SupportContact {
  url: string | null;
  email: string | null;
}

type Env = Record<string, string | undefined>;

const MANIFEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Excel's naming rules (a letter first, letters, digits and _), 3 to 32 characters (Namespace element). */
const NAMESPACE = /^[A-Z][A-Z0-9_]{2,31}$/;
/** A namespace such as ABC1 reads as a cell reference (A1 to XFD1048576). */
const CELL_REFERENCE = /^[A-Z]{1,3}[0-9]+$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function given(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

function readId(env: Env): string | null {
  const raw = given(env, "EOL_ADDIN_ID");
  if (raw === null) return null;
  if (!MANIFEST_ID.test(raw)) {
    throw new ConfigError(
      "EOL_ADDIN_ID",
      `must be a GUID such as 0f5c2d8e-4b7a-4e1f-9c3d-2a6b8e4f7c10 (no braces); got "${raw}"`,
    );
  }
  return raw.toLowerCase();
}

function readName(env: Env): string | null {
  const raw = given(env, "EOL_ADDIN_NAME");
  if (raw === null) return null;
  // eslint-disable-next-line no-control-regex
  if (raw.length > 125 || /[\u0000-\u001f\u007f]/.test(raw)) {
    throw new ConfigError(
      "EOL_ADDIN_NAME",
      `must be at most 125 characters on one line (the manifest's DisplayName); got ${raw.length} characters`,
    );
  }
  return raw;
}

function readNamespace(env: Env): string {
  const raw = given(env, "EOL_FUNCTION_NAMESPACE");
  if (raw === null) return DEFAULT_FUNCTION_NAMESPACE;
  const namespace = raw.toUpperCase();
  if (!NAMESPACE.test(namespace) || CELL_REFERENCE.test(namespace)) {
    throw new ConfigError(
      "EOL_FUNCTION_NAMESPACE",
      `must be 3 to 32 characters: a letter first, then letters, digits or _, and not a cell reference such as ABC1; got "${raw}"`,
    );
  }
  return namespace;
}

/** Reads the three identity variables; a name or namespace of its own needs an Id of its own. */
export function readAddinIdentity(env: Env): AddinIdentity {
  const c = new ProblemCollector();
  const id = c.read(() => readId(env), null);
  const displayName = c.read(() => readName(env), null);
  const namespace = c.read(() => readNamespace(env), DEFAULT_FUNCTION_NAMESPACE);
  const ownIdentity = given(env, "EOL_ADDIN_NAME") !== null || given(env, "EOL_FUNCTION_NAMESPACE") !== null;
  if (ownIdentity && given(env, "EOL_ADDIN_ID") === null) {
    c.problems.push(
      new ConfigError(
        "EOL_ADDIN_ID",
        "is required with EOL_ADDIN_NAME or EOL_FUNCTION_NAMESPACE: Office knows an add-in by its Id, so a second add-in with the same Id replaces the first",
      ),
    );
  }
  c.throwIfAny();
  return id || displayName || namespace !== DEFAULT_FUNCTION_NAMESPACE
    ? { id, displayName, namespace }
    : DEFAULT_ADDIN_IDENTITY;
}

function readSupportUrl(env: Env): string | null {
  const raw = given(env, "EOL_SUPPORT_URL");
  if (raw === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || url.protocol !== "https:" || url.username || url.password) {
    throw new ConfigError(
      "EOL_SUPPORT_URL",
      `must be an https URL such as https://intranet.example.com/eol-help; got "${raw}"`,
    );
  }
  return url.toString();
}

function readSupportEmail(env: Env): string | null {
  const raw = given(env, "EOL_SUPPORT_EMAIL");
  if (raw === null) return null;
  if (!EMAIL.test(raw) || raw.length > 254) {
    throw new ConfigError(
      "EOL_SUPPORT_EMAIL",
      `must be an e-mail address such as it@example.com; got "${raw}"`,
    );
  }
  return raw;
}

export function readSupportContact(env: Env): SupportContact {
  const c = new ProblemCollector();
  const contact = {
    url: c.read(() => readSupportUrl(env), null),
    email: c.read(() => readSupportEmail(env), null),
  };
  c.throwIfAny();
  return contact;
}
