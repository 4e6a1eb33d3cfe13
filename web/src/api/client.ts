// The typed API client: openapi-fetch over the generated schema, with the session's bearer token, the household
// being viewed (X-Household-Id), one refresh attempt on 401, and errors turned into ApiError (problem+json).
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Transaction = Schemas["TransactionOut"];
export type Account = Schemas["AccountOut"];
export type Category = Schemas["CategoryOut"];
export type Summary = Schemas["SummaryOut"];
export type NetWorth = Schemas["NetWorthOut"];
export type Household = Schemas["HouseholdOut"];
export type Me = Schemas["MeOut"];
/** A job as `GET /jobs/{id}` answers it: one of the kinds, told apart by `kind`, each with its typed result. */
export type Job = paths["/api/v1/jobs/{job_id}"]["get"]["responses"][200]["content"]["application/json"];
export type ImportJob = Schemas["ImportJobOut"];
export type ImportResult = Schemas["ImportResult"];
export type Preview = Schemas["PreviewOut"];
export type CsvMapping = Schemas["CsvMapping"];
export type ReviewItem = Schemas["ReviewItem"];
export type Rule = Schemas["RuleOut"];
export type ApiKey = Schemas["ApiKeyOut"];
export type Message = Schemas["MessageOut"];
export type Proposal = Schemas["ProposalOut"];
export type Conversation = Schemas["ConversationOut"];

export interface Tokens {
  access_token: string;
  refresh_token: string;
  household_id: number;
}

const STORAGE_KEY = "kakeibo.session";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly field?: string,
  ) {
    super(detail || title);
  }
}

type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();
let tokens: Tokens | null = readTokens();
let viewing: number | null = null;

function readTokens(): Tokens | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function currentTokens(): Tokens | null {
  return tokens;
}

export function setTokens(next: Tokens | null): void {
  tokens = next;
  if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((l) => l(next));
}

export function onTokens(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Act in this household (the switcher); null: the token's own. */
export function setViewingHousehold(id: number | null): void {
  viewing = id;
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  if (tokens) headers.Authorization = `Bearer ${tokens.access_token}`;
  if (viewing !== null) headers["X-Household-Id"] = String(viewing);
  return headers;
}

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const current = tokens;
  if (!current) return false;
  const response = await fetch("/api/v1/auth/refresh", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh_token: current.refresh_token }),
  });
  if (!response.ok) {
    setTokens(null);
    return false;
  }
  const body = (await response.json()) as Tokens;
  setTokens({ access_token: body.access_token, refresh_token: body.refresh_token, household_id: body.household_id });
  return true;
}

/** fetch with the session's headers; a 401 refreshes the token once (shared by concurrent callers) and retries. */
export async function authedFetch(input: Request | string, init?: RequestInit): Promise<Response> {
  const build = () => {
    const request = new Request(input, init);
    // A header the caller set on purpose (an outbox entry's X-Household-Id) wins over the session's default.
    for (const [k, v] of Object.entries(authHeaders())) if (!request.headers.has(k)) request.headers.set(k, v);
    return request;
  };
  const response = await fetch(build());
  if (response.status !== 401 || !tokens) return response;
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return (await refreshing) ? fetch(build()) : response;
}

export async function problemOf(response: Response): Promise<ApiError> {
  let title = response.statusText || "Request failed";
  let detail = "";
  let field: string | undefined;
  try {
    const body = (await response.clone().json()) as {
      title?: string;
      detail?: string | { msg: string; loc?: unknown[] }[];
      field?: string;
      errors?: { msg?: string; message?: string; field?: string }[];
    };
    title = body.title ?? title;
    if (typeof body.detail === "string") detail = body.detail;
    else if (Array.isArray(body.detail)) detail = body.detail.map((d) => d.msg).join("; ");
    if (body.errors?.length) detail ||= body.errors.map((e) => e.msg ?? e.message).join("; ");
    field = body.field ?? body.errors?.[0]?.field;
  } catch {
    // not problem+json: keep the status text
  }
  return new ApiError(response.status, title, detail, field);
}

const errors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await problemOf(response);
    return undefined;
  },
};

export const api = createClient<paths>({ baseUrl: "", fetch: (request: Request) => authedFetch(request) });
api.use(errors);

/** The data of an openapi-fetch result (errors were already thrown by the middleware). */
export function must<T>(result: { data?: T; error?: unknown }): T {
  if (result.data === undefined && result.error !== undefined) throw new ApiError(500, "Error", String(result.error));
  return result.data as T;
}

export async function signIn(email: string, password: string, householdId?: number): Promise<Tokens> {
  const form = new URLSearchParams({ username: email, password });
  if (householdId !== undefined) form.set("household_id", String(householdId));
  const response = await fetch("/api/v1/auth/token", { method: "POST", body: form });
  if (!response.ok) throw await problemOf(response);
  const body = (await response.json()) as Tokens;
  const next = { access_token: body.access_token, refresh_token: body.refresh_token, household_id: body.household_id };
  setTokens(next);
  return next;
}

export async function signOut(): Promise<void> {
  const current = tokens;
  if (current) {
    await authedFetch("/api/v1/auth/logout", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: current.refresh_token }),
    }).catch(() => undefined);
  }
  setTokens(null);
}

/** The event group of the latest not-undone change to this entity, so its toast undoes exactly that change. */
export async function latestGroupOf(entity: string, entityId: number): Promise<string | null> {
  const events = must(await api.GET("/api/v1/events", { params: { query: { limit: 20 } } }));
  return events.find((e) => e.entity === entity && e.entity_id === entityId && !e.undone)?.group_id ?? null;
}

export async function undoGroup(groupId: string | null): Promise<Schemas["UndoOut"]> {
  return must(await api.POST("/api/v1/undo", { body: groupId ? { group_id: groupId } : {} }));
}

export type BudgetMonth = Schemas["BudgetMonthOut"];
export type BudgetLine = Schemas["BudgetCategoryOut"];
export type Goal = Schemas["GoalOut"];
export type Recurring = Schemas["RecurringOut"];
export type Upcoming = Schemas["UpcomingOut"];

/** The event group of the latest not-undone change to any of these entities (a budget line has no id the page
 * knows: the write's own group is the newest one of its kind). */
export async function latestGroupOfKind(entities: string[]): Promise<string | null> {
  const events = must(await api.GET("/api/v1/events", { params: { query: { limit: 5 } } }));
  return events.find((e) => entities.includes(e.entity) && !e.undone)?.group_id ?? null;
}
