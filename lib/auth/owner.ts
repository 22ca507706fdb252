/** The owner of everything when nobody signs in (the app on loopback, used by one person). */
export const LOCAL_OWNER = "local";

/** Who is asking: the signed-in person, or the local owner on a private server. */
export interface Person {
  /** A person's id (a uuid from the people table), or LOCAL_OWNER. */
  id: string;
  /** Shown in the navigation when people sign in. */
  name: string;
  /** False when nobody signs in on this server. */
  signedIn: boolean;
}
