// The recurring endpoints the page reads beyond the list: subscriptions, the bills calendar, alerts. Until the
// server answers them (a 404), the page makes do with the list and the upcoming payments.
import { api, authedFetch, must, problemOf, type Recurring, type Upcoming } from "../api/client";

export interface Subscriptions {
  currency: string;
  monthly_total: string;
  yearly_total: string;
  series: Recurring[];
}
export interface LowestBalance {
  account: string;
  currency: string;
  balance: string;
  lowest_balance: string;
  lowest_date: string | null;
  next_income_date: string | null;
}
export interface Calendar {
  days: number;
  items: Upcoming[];
  accounts: LowestBalance[];
}
export interface Alert {
  kind: "price_increase" | "missed" | "new_subscription";
  series_id: string;
  payee: string;
  message: string;
  date: string;
  old_amount: string | null;
  new_amount: string | null;
}

async function optional<T>(path: string): Promise<T | null> {
  const response = await authedFetch(path);
  if (response.status === 404) return null;
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

export function loadSubscriptions(): Promise<Subscriptions | null> {
  return optional<Subscriptions>("/api/v1/recurring/subscriptions");
}

export async function loadCalendar(days: number): Promise<Calendar> {
  const calendar = await optional<Calendar>(`/api/v1/recurring/calendar?days=${days}`);
  if (calendar) return calendar;
  const items = must(await api.GET("/api/v1/recurring/upcoming", { params: { query: { days } } }));
  return { days, items, accounts: [] };
}

export async function loadAlerts(): Promise<Alert[]> {
  return (await optional<Alert[]>("/api/v1/recurring/alerts")) ?? [];
}
