/**
 * Names that look like credentials. Such values must reach a container only through
 * a Secret (secretKeyRef), never as a literal or ConfigMap value.
 * The policy pack keeps its own copy (policies never import components, and the pack ships
 * alone); tests/components/credential-names.test.ts keeps the two identical.
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
// Connection URLs of data services carry a user and password.
export const connectionUrl =
    /^(DATABASE|DB|POSTGRES|POSTGRESQL|PG|MYSQL|REDIS|VALKEY|AMQP|RABBITMQ|MONGO|MONGODB)(_[A-Z]+)*_(URL|URI)$|CONNECTION_STRING$/;

export function looksLikeCredential(envName: string): boolean {
    const upper = envName.toUpperCase();
    if (connectionUrl.test(upper)) return true;
    return upper.split(/[_.-]+/).some((word) => credentialWords.has(word));
}
