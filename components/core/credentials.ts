/**
 * Names that look like credentials. Such values must reach a container only through
 * a Secret (secretKeyRef), never as a literal or ConfigMap value.
 * The policy pack keeps its own copy of this rule (policies never import components).
 */
const credentialWords = new Set([
    "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "SECRETS", "TOKEN", "KEY", "APIKEY",
    "PRIVATE", "CREDENTIAL", "CREDENTIALS", "AUTH", "DSN",
]);
// Connection URLs of data services carry a user and password.
const connectionUrl = /^(DATABASE|DB|POSTGRES|POSTGRESQL|PG|MYSQL|REDIS|VALKEY|AMQP|RABBITMQ|MONGO|MONGODB)(_[A-Z]+)*_(URL|URI)$|CONNECTION_STRING$/;

export function looksLikeCredential(envName: string): boolean {
    const upper = envName.toUpperCase();
    if (connectionUrl.test(upper)) return true;
    return upper.split(/[_.-]+/).some((word) => credentialWords.has(word));
}
