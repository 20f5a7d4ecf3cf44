// The root program (Pulumi.yaml `main: programs/index.ts`): `pulumi up` runs this file.
// Everything lives in stack.ts so tests and the offline plan can run it as a function.
import { buildStack } from "./stack";

export = buildStack();
