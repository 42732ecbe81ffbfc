package org.rabt.config.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff sign-in through the organisation's identity provider ({@code rabt.security.oidc.*}):
 * with an issuer, the staff API also accepts bearer JWTs that provider signed.
 *
 * @param issuerUri  the OpenID Connect issuer (its {@code /.well-known/openid-configuration} gives the keys);
 *                   empty: only the embedded user store
 * @param rolesClaim the claim that carries the staff roles, a list or a space- or comma-separated
 *                   string; a dotted path reaches into objects ({@code realm_access.roles} for Keycloak)
 */
@ConfigurationProperties("rabt.security.oidc")
public record OidcProperties(String issuerUri, @DefaultValue("roles") String rolesClaim) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
