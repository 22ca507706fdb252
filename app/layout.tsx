import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
// Styles for formulas and code in rendered Markdown; both ship with their packages (no download).
import "katex/dist/katex.min.css";
import "highlight.js/styles/github.css";
import "./globals.css";
import { SiteNav } from "./_components/site-nav";

export const metadata: Metadata = {
  title: "Mock-interview coach",
  description: "Practise technical interviews on your own study notes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
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
          <SiteNav />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
