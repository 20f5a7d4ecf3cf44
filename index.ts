// Entry point Pulumi reads to serve this package to other languages (PulumiPlugin.yaml).
export * from "./components";
