import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ownerOfDocumentPath, personUploadFolder } from "@/lib/ingest/document-owner";

describe("passwords", () => {
  it("verifies the password it hashed and nothing else; each hash has its own salt", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
  });

  it("never lets anyone in through a broken stored hash", async () => {
    for (const broken of ["", "plain-text-password", "scrypt$1$1$1$$", "bcrypt$x$y", "scrypt$32768$8$1$c2FsdA==$c2hvcnQ="]) {
      expect(await verifyPassword("plain-text-password", broken), broken).toBe(false);
    }
  });
});

describe("document owners", () => {
  const id = "0f8b2a52-3c1d-4e5f-9a7b-123456789abc";

  it("reads a person's folder as theirs and everything else under content/ as shared", () => {
    expect(ownerOfDocumentPath(`${personUploadFolder(id)}/notes.md`)).toBe(id);
    expect(ownerOfDocumentPath(`content/uploads/people/${id.toUpperCase()}/notes.md`)).toBe(id);
    expect(ownerOfDocumentPath("content/uploads/notes.md")).toBeNull();
    expect(ownerOfDocumentPath("content/deep-learning.md")).toBeNull();
    expect(ownerOfDocumentPath(`content/uploads/people/not-an-id/notes.md`)).toBeNull();
    expect(ownerOfDocumentPath(`elsewhere/content/uploads/people/${id}/notes.md`)).toBeNull();
  });

  it("refuses to make a folder from anything but a person's id", () => {
    expect(() => personUploadFolder("../../etc")).toThrow();
    expect(() => personUploadFolder("local")).toThrow();
  });
});
