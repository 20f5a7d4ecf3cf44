import * as random from "@pulumi/random";

// What a managed PostgreSQL (Aurora/RDS, Cloud SQL) gives its clients: the port, a generated
// password and the connection URL, the same on every cloud.

/** PostgreSQL's port, on every instance. */
export const postgresPort = 5432;

/**
 * The owner's password: 40 letters, digits and the specials below. RDS's CreateDBCluster takes 8–41
 * printable ASCII characters except '/', '"', '@' (and we leave out the space); Cloud SQL sets no rule
 * of its own without a password policy. Never ' or \ or ` either, so the value survives shells and
 * connection strings unquoted.
 */
export const postgresPasswordArgs: random.RandomPasswordArgs = {
    length: 40,
    upper: true,
    lower: true,
    numeric: true,
    special: true,
    overrideSpecial: "!#$%&*()-_=+[]{}<>:?^",
    minUpper: 2,
    minLower: 2,
    minNumeric: 2,
    minSpecial: 1,
};

/**
 * postgres://user:password@host:5432/database?sslmode=require, user and password percent-encoded
 * (a password holding '#', '$', '&', '<' or '>' would otherwise end or split the URL).
 */
export function postgresUrl(username: string, password: string, host: string, database: string): string {
    const user = encodeURIComponent(username);
    const pass = encodeURIComponent(password);
    return `postgres://${user}:${pass}@${host}:${postgresPort}/${encodeURIComponent(database)}?sslmode=require`;
}
