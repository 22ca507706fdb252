"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Signs out and returns to the sign-in page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="link-button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: "/sign-in" }).catch(() => setBusy(false));
      }}
    >
      Sign out
    </button>
  );
}
