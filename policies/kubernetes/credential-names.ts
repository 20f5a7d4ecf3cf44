/**
 * Names that look like credentials (the pack's own copy of the rule the components
 * use: policies never import components). Extra patterns come from policy config.
 */
export const credentialWords: ReadonlySet<string> = new Set([
    "PASSWORD",
    "PASSWD",
    "PASS",
    "PWD",
    "SECRET",
    "SECRETS",
    "TOKEN",
    "KEY",
    "APIKEY",
    "PRIVATE",
    "CREDENTIAL",
    "CREDENTIALS",
    "AUTH",
    "DSN",
]);
export const connectionUrl =
    /^(DATABASE|DB|POSTGRES|POSTGRESQL|PG|MYSQL|REDIS|VALKEY|AMQP|RABBITMQ|MONGO|MONGODB)(_[A-Z]+)*_(URL|URI)$|CONNECTION_STRING$/;

export function looksLikeCredential(name: string, extraPatterns: RegExp[] = []): boolean {
    const upper = name.toUpperCase();
    if (connectionUrl.test(upper) || extraPatterns.some((p) => p.test(name))) return true;
    return upper.split(/[_.-]+/).some((word) => credentialWords.has(word));
}
