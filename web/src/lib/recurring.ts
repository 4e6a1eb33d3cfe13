// The recurring endpoints the page and the dashboard read beyond the list: subscriptions, the bills calendar, alerts.
import { api, must, type Schemas } from "../api/client";

export type Subscriptions = Schemas["SubscriptionsOut"];
export type Calendar = Schemas["CalendarOut"];
export type Alert = Schemas["AlertOut"];

export async function loadSubscriptions(): Promise<Subscriptions> {
  return must(await api.GET("/api/v1/recurring/subscriptions"));
}

export async function loadCalendar(days: number): Promise<Calendar> {
  return must(await api.GET("/api/v1/recurring/calendar", { params: { query: { days } } }));
}

export async function loadAlerts(): Promise<Alert[]> {
  return must(await api.GET("/api/v1/recurring/alerts"));
}
