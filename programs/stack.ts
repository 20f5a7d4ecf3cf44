import * as pulumi from "@pulumi/pulumi";
import { readStackConfig } from "./config";
import { gotrs } from "./topologies/gotrs";
import { safeshare } from "./topologies/safeshare";

/** Builds the stack its config describes; returns the stack outputs. */
export function buildStack(): Record<string, pulumi.Output<unknown>> {
    const cfg = readStackConfig();
    switch (cfg.topology) {
        case "gotrs":
            return gotrs(cfg);
        case "safeshare":
            return safeshare(cfg);
    }
}
