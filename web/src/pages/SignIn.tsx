// Sign in and sign up: one form, two modes. Signing up signs in straight away. The server answers a registration
// alike whether or not the email was free (so nobody can probe who has an account); the sign-in that follows is
// what tells. An invitation link (/signup?invitation=…) joins the inviting household instead of making one.
import { useState, type FormEvent } from "react";
import { ApiError, signIn } from "../api/client";
import { Link, navigate } from "../lib/router";

export function SignIn({ mode }: { mode: "signin" | "signup" }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [household, setHousehold] = useState("");
  const [currency, setCurrency] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const signup = mode === "signup";
  const invitation = signup ? new URLSearchParams(window.location.search).get("invitation") : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError("");
    setBusy(true);
    try {
      if (signup) {
        const response = await fetch("/api/v1/auth/register", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            email: email.trim(),
            password,
            display_name: name.trim(),
            household_name: household.trim() || null,
            base_currency: currency.trim().toUpperCase() || null,
            invitation,
          }),
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
          throw new ApiError(response.status, body.title ?? "Sign-up failed", body.detail ?? "");
        }
      }
      await signIn(email.trim(), password);
      navigate("/", { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <main className="auth-card" id="main">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            k
          </span>
          <span>kakeibo</span>
        </div>
        <h1>{!signup ? "Welcome back" : invitation ? "Join a household" : "Create your household"}</h1>
        <p className="muted">
          {signup ? "Your ledger stays on your own server." : "Sign in to see your household's finances."}
        </p>
        <form className="form" onSubmit={submit}>
          {signup && (
            <label>
              Your name
              <input name="display_name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            </label>
          )}
          <label>
            Email
            <input
              name="email"
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </label>
          <label>
            Password
            <input
              name="password"
              type="password"
              required
              minLength={signup ? 8 : 1}
              autoComplete={signup ? "new-password" : "current-password"}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {signup && !invitation && (
            <div className="row2">
              <label>
                Household name
                <input
                  name="household_name"
                  value={household}
                  onChange={(e) => setHousehold(e.target.value)}
                  placeholder="Optional"
                />
              </label>
              <label>
                Currency
                <input
                  name="base_currency"
                  value={currency}
                  onChange={(e) => setCurrency(e.target.value)}
                  placeholder="USD"
                  maxLength={3}
                  autoComplete="off"
                />
              </label>
            </div>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="button primary block" type="submit" disabled={busy}>
            {signup ? "Create account" : "Sign in"}
          </button>
        </form>
        <p className="auth-switch">
          {signup ? (
            <>
              Already have an account? <Link to="/signin">Sign in</Link>
            </>
          ) : (
            <>
              New here? <Link to="/signup">Create an account</Link>
            </>
          )}
        </p>
      </main>
    </div>
  );
}
