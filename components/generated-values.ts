import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { SecretEncoding } from "./core/enums";

/**
 * How every generated secret value is made, in one place: the SharedSecret's values and the
 * data services' own passwords alike. @pulumi/random generates once and keeps the value in
 * state; it is a Pulumi secret from the start.
 */

/**
 * A password of letters and digits (no specials: safe in URLs, config files and every
 * service's AUTH rules), a Pulumi secret. A change of `keepers` rotates it.
 */
export function generatePassword(
    name: string,
    parent: pulumi.Resource,
    length = 32,
    keepers?: Record<string, string>,
    aliases?: pulumi.Input<pulumi.Alias>[],
): pulumi.Output<string> {
    return new random.RandomPassword(name, { length, special: false, keepers }, { parent, aliases }).result;
}

/** A value in `encoding`: a password, or `length` random bytes as hex or base64; a Pulumi secret. */
export function generateValue(
    name: string,
    parent: pulumi.Resource,
    encoding: SecretEncoding,
    length: number,
    keepers?: Record<string, string>,
): pulumi.Output<string> {
    switch (encoding) {
        case SecretEncoding.Hex:
            return pulumi.secret(new random.RandomBytes(name, { length, keepers }, { parent }).hex);
        case SecretEncoding.Base64:
            return pulumi.secret(new random.RandomBytes(name, { length, keepers }, { parent }).base64);
        default:
            return generatePassword(name, parent, length, keepers);
    }
}
