// The app: signed out it shows sign in / sign up; signed in, the page for the path inside the layout.
import { lazy, Suspense, useEffect } from "react";
import { Layout } from "./components/Layout";
import { navigate, useLocation } from "./lib/router";
import { Dashboard } from "./pages/Dashboard";
import { SignIn } from "./pages/SignIn";
import { Transactions } from "./pages/Transactions";
import { AppProvider, useApp } from "./state";

// The dashboard and transactions come with the first load; the rest arrives when first opened.
const Import = lazy(() => import("./pages/Import").then((m) => ({ default: m.Import })));
const Assistant = lazy(() => import("./pages/Assistant").then((m) => ({ default: m.Assistant })));
const Accounts = lazy(() => import("./pages/Accounts").then((m) => ({ default: m.Accounts })));
const Budget = lazy(() => import("./pages/Budget").then((m) => ({ default: m.Budget })));
const Goals = lazy(() => import("./pages/Goals").then((m) => ({ default: m.Goals })));
const Recurring = lazy(() => import("./pages/Recurring").then((m) => ({ default: m.Recurring })));
const Insights = lazy(() => import("./pages/Insights").then((m) => ({ default: m.Insights })));
const Settings = lazy(() => import("./pages/Settings").then((m) => ({ default: m.Settings })));

const TITLES: Record<string, string> = {
  "/": "Dashboard",
  "/transactions": "Transactions",
  "/budget": "Budget",
  "/goals": "Goals",
  "/recurring": "Recurring",
  "/insights": "Insights",
  "/import": "Import",
  "/assistant": "Assistant",
  "/accounts": "Accounts & categories",
  "/settings": "Settings",
  "/signin": "Sign in",
  "/signup": "Sign up",
};

function Page({ path }: { path: string }) {
  switch (path) {
    case "/":
      return <Dashboard />;
    case "/transactions":
      return <Transactions />;
    case "/budget":
      return <Budget />;
    case "/goals":
      return <Goals />;
    case "/recurring":
      return <Recurring />;
    case "/insights":
      return <Insights />;
    case "/import":
      return <Import />;
    case "/assistant":
      return <Assistant />;
    case "/accounts":
      return <Accounts />;
    case "/settings":
      return <Settings />;
    default:
      return (
        <div className="page">
          <h1>Not found</h1>
          <p className="muted">There is no page at {path}.</p>
        </div>
      );
  }
}

function Routes() {
  const { path } = useLocation();
  const { signedIn } = useApp();
  const authPage = path === "/signin" || path === "/signup";

  useEffect(() => {
    document.title = `${TITLES[path] ?? "kakeibo"} · kakeibo`;
  }, [path]);
  useEffect(() => {
    if (!signedIn && !authPage) navigate("/signin", { replace: true });
    if (signedIn && authPage) navigate("/", { replace: true });
  }, [signedIn, authPage]);

  if (!signedIn || authPage) return <SignIn mode={path === "/signup" ? "signup" : "signin"} />;
  return (
    <Layout path={path}>
      <Suspense fallback={<div className="page" aria-busy="true" />}>
        <Page path={path} />
      </Suspense>
    </Layout>
  );
}

export function App() {
  return (
    <AppProvider>
      <Routes />
    </AppProvider>
  );
}
