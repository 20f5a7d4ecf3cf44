import { PolicyPack } from "@pulumi/policy";
import { policies } from "./all-policies";

// Serves the Analyzer gRPC service: run by `pulumi preview --policy-pack policies`
// (and by scripts/harness/policy-runner.ts). Never import this file from a test.
new PolicyPack("pulumi-ha", {
    description: "High-availability guardrails for pulumi-ha stacks.",
    enforcementLevel: "mandatory",
    policies,
});
