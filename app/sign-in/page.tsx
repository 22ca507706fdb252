import type { Metadata } from "next";
import { SignInForm } from "@/app/_components/sign-in-form";
import { getPerson, safeReturnPath } from "@/lib/auth/current-person";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in · Mock-interview coach" };

/** Sign-in, when the server is shared; on a private (loopback) server, a note that nobody signs in. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (!getEnv().signInRequired) {
    return (
      <>
        <h1 id="sign-in-heading">Sign in</h1>
        <p className="lead">Nobody signs in here: this coach listens on this machine only, and everything in it is yours.</p>
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </>
    );
  }
  const person = await getPerson();
  return (
    <>
      <h1 id="sign-in-heading">Sign in</h1>
      {person ? (
        <p className="lead">
          You are signed in as {person.name}. <a href={returnTo}>Carry on</a>.
        </p>
      ) : (
        <>
          <p className="lead">This coach is shared: sign in to see your own interviews, history and documents.</p>
          <SignInForm returnTo={returnTo} />
          <p className="hint">No account? The person who runs this server adds people with <code>npm run cli -- user add &lt;name&gt;</code>.</p>
        </>
      )}
    </>
  );
}
