import * as ha from "pulumi-ha";

// One JWT secret, generated once and shared by every replica.
const secrets = new ha.SharedSecret("shop-secrets", {
    generated: { "jwt-secret": { length: 48 } },
    kubernetes: { namespace: "shop" },
});

// Three replicas over three zones, probes, PDB and HPA 2-10 by default.
const app = new ha.AppTier("shop", {
    image: "ghcr.io/acme/shop:2.3.1",
    namespace: "shop",
    env: { LOG_LEVEL: "info" },
    secretEnv: { JWT_SECRET: secrets.ref("jwt-secret") },
});

export const url = app.url;
