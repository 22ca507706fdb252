import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The design's dependency rules, enforced: app/ reaches the core only through lib/interview,
// lib/db/queries, lib/errors and lib/env; lib/ never reaches into app/ or tests/.
const appMayNotImport = [
  { group: ["drizzle-orm", "drizzle-orm/*"], message: "app/ goes through lib/db/queries or lib/interview." },
  { group: ["openai", "openai/*"], message: "app/ goes through lib/interview (the LLM lives in lib/llm)." },
  { group: ["@huggingface/transformers"], message: "app/ goes through lib/interview (embeddings live in lib/embeddings)." },
  { group: ["@electric-sql/*", "postgres"], message: "app/ goes through lib/db/queries." },
  { group: ["@/lib/db/client", "@/lib/db/schema", "@/lib/db/schema/*"], message: "app/ uses lib/db/queries, not the client or schema." },
];

const libMayNotImport = [
  { group: ["@/app", "@/app/*", "**/app/*"], message: "lib/ must not depend on app/." },
  { group: ["@/tests", "@/tests/*", "**/tests/*"], message: "lib/ must not depend on tests/." },
];

const config = [
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tests/fixtures/generated/**"],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause wipes a table: forbid it outright.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Next's rule wants <Link>; not every page of this app is a Next.js route target.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: appMayNotImport }] },
  },
  {
    files: ["lib/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: libMayNotImport }] },
  },
];

export default config;
