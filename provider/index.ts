// Entry point of the component package for other languages. The nodejs language host runs
// this folder as a plugin: it requires this file, serves every ComponentResource class it
// exports, and Pulumi's analyzer infers the schema from the TypeScript sources it reaches by
// following these re-exports. The components themselves live in ../components (one copy).
export * from "../components";
