"use server";

import { redirect } from "next/navigation";
import { requirePerson } from "@/lib/auth/current-person";
import { AppError } from "@/lib/errors";
import { removeUploadedDocument } from "@/lib/interview/library";

/**
 * Removes a document the person added from the browser, then shows the library again saying so.
 * Someone else's document is not found, like one already removed.
 */
export async function removeDocument(form: FormData): Promise<void> {
  const path = String(form.get("path") ?? "");
  try {
    const person = await requirePerson();
    await removeUploadedDocument({ path, ownerId: person.id });
  } catch (error) {
    // Already gone (a second click, another tab): the library as it stands says enough.
    if (error instanceof AppError && error.code === "unauthorized") redirect("/sign-in?callbackUrl=%2Flibrary");
    if (!(error instanceof AppError && error.code === "not_found")) throw error;
    redirect("/library");
  }
  redirect(`/library?removed=${encodeURIComponent(path)}`);
}
