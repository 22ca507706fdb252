import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Mock-interview coach",
  description: "Practise technical interviews on your own study notes.",
};

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
          <nav aria-label="Main" style={{ display: "inline" }}>
            <a href="/questions">Question bank</a>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
