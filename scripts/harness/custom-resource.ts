import { RecordedResource } from "./mock-engine";

/**
 * A custom resource as the mock engine records one, made without running a program: `props`
 * as both inputs and outputs (what Analyze and AnalyzeStack then see), no parent, no
 * dependencies and the default resource options. For resources a program could not (or need
 * not) register: malformed shapes, and synthetic stacks of thousands.
 */
export function customResource(
    type: string,
    name: string,
    urn: string,
    props: Record<string, unknown>,
): RecordedResource {
    return {
        type,
        name,
        urn,
        custom: true,
        remote: false,
        inputs: props,
        outputs: props,
        dependencies: [],
        propertyDependencies: {},
        options: {
            protect: false,
            ignoreChanges: [],
            additionalSecretOutputs: [],
            aliases: [],
            retainOnDelete: false,
            replaceOnChanges: [],
        },
    };
}
