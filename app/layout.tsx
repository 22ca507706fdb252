import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
// Styles for formulas and code in rendered Markdown; both ship with their packages (no download).
import "katex/dist/katex.min.css";
import "highlight.js/styles/github.css";
import "./globals.css";
import { getPerson } from "@/lib/auth/current-person";
import { SignOutButton } from "./_components/sign-out-button";
import { SiteNav } from "./_components/site-nav";

export const metadata: Metadata = {
  title: "Mock-interview coach",
  description: "Practise technical interviews on your own study notes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A configuration problem (no sign-in secret, say) shows on the page itself, not in the header.
  const person = await getPerson().catch(() => null);
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a href="/" className="brand">
            Mock-interview coach
          </a>
          {person && !person.signedIn && <SiteNav />}
          {person?.signedIn && (
            <div className="site-person">
              <SiteNav />
              <span className="muted">Signed in as {person.name}</span> <SignOutButton />
            </div>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
