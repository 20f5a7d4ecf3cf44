import { asFlag } from "../common/aws-types";
import { Gcp, gcpLabel } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { asArray, asNonEmptyString, asRecord, at } from "../common/read";

export interface SqlPublicAccessConfig {
    allowPublicIp?: boolean;
}

/** A CIDR that admits every address: a prefix length of 0 (`0.0.0.0/0`, `::/0`). */
function isWorld(cidr: string): boolean {
    return /\/0+$/.test(cidr.trim());
}

/** A Cloud SQL instance is not open to the internet. */
export const gcpSqlPublicAccess = resourcePolicy<SqlPublicAccessConfig>({
    name: "gcp-sql-public-access",
    description:
        "No Cloud SQL DatabaseInstance admits the whole internet: no settings.ipConfiguration.authorizedNetworks entry whose value has a /0 prefix (`0.0.0.0/0`, `::/0`). Unless `allowPublicIp`, it has no public IPv4 address either: settings.ipConfiguration.ipv4Enabled is false (left unset, Cloud SQL assigns a public IP), and clients reach it by private IP (privateNetwork) or Private Service Connect. Read replicas are judged too.",
    remediationSteps:
        "Set settings.ipConfiguration { ipv4Enabled: false, privateNetwork: <VPC self link> } (private services access) and remove authorizedNetworks; connect through the VPC or the Cloud SQL Auth Proxy. A stack that needs a public IP sets `allowPublicIp` and lists only the addresses it needs.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            allowPublicIp: {
                type: "boolean",
                default: false,
                description:
                    "Accept a public IPv4 address (ipv4Enabled); an authorized network open to the world is still a violation.",
            },
        },
    },
    types: [Gcp.SqlDatabaseInstance],
    validate: (props, args, config, report) => {
        const ip = at(props, "settings", "ipConfiguration");
        const networks = asArray(at(ip, "authorizedNetworks"));
        const open: string[] = [];
        // By index: an entry unknown at preview throws when it is read, before anything is reported.
        for (let i = 0; i < networks.length; i++) {
            const value = asNonEmptyString(asRecord(networks[i])?.value);
            if (value !== undefined && isWorld(value)) open.push(value.trim());
        }
        const ipv4 = asFlag(at(ip, "ipv4Enabled"));
        const label = gcpLabel(args.type, args.name);
        if (open.length > 0)
            report(
                `${label} admits the whole internet (settings.ipConfiguration.authorizedNetworks holds ${open.join(", ")}).`,
            );
        if (!(config.allowPublicIp ?? false) && ipv4 !== false)
            report(
                `${label} has a public IPv4 address (settings.ipConfiguration.ipv4Enabled is ${ipv4 === true ? "true" : "not false: Cloud SQL assigns one by default"}); use a private IP only.`,
            );
    },
});
