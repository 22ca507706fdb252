"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { removeUploadedDocument } from "@/lib/interview/library";

/** Removes a document added from the browser, then shows the library again saying so. */
export async function removeDocument(form: FormData): Promise<void> {
  const path = String(form.get("path") ?? "");
  try {
    await removeUploadedDocument({ path });
  } catch (error) {
    // Already gone (a second click, another tab): the library as it stands says enough.
    if (!(error instanceof AppError && error.code === "not_found")) throw error;
    redirect("/library");
  }
  redirect(`/library?removed=${encodeURIComponent(path)}`);
}
