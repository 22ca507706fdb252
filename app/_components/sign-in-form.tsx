"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

/** Name and password; on success opens the page the person was sent here from. */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim() || !password) {
      setError("Enter your name and your password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { name: name.trim(), password, redirect: false });
      if (result?.ok && !result.error) {
        // A full load, so every server-rendered part (the navigation's name included) sees the sign-in.
        window.location.assign(returnTo);
        return;
      }
      // "CredentialsSignin" is a wrong name or password; any other error is a message of ours (too many attempts).
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "That name and password do not match. Check both and try again.");
    } catch {
      setError("Could not reach the server. Check that it is running and try again.");
    }
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="start-form" aria-labelledby="sign-in-heading" noValidate>
      <div className="field">
        <label htmlFor="sign-in-name">Name</label>
        <input id="sign-in-name" name="name" autoComplete="username" value={name} onChange={(event) => setName(event.target.value)} required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
