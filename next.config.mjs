/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // These load WebAssembly, native binaries or data files relative to their own folder at run
  // time; bundling them breaks those paths, so the server requires them from node_modules.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@huggingface/transformers",
    "onnxruntime-node",
    "postgres",
  ],
};

export default nextConfig;
