package org.rabt.config.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An identity provider's token becomes staff roles through one configurable claim; anything else grants nothing. */
class StaffRoleClaimsTest {

    @Test
    void rolesFromAListClaimBecomeAuthoritiesAndUnknownValuesAreIgnored() {
        Jwt jwt = jwt(Map.of("sub", "a1b2", "preferred_username", "fatima.z",
                "roles", List.of("security-officer", "Committee", "admin", "ROLE_OPERATOR")));

        var authentication = new StaffRoleClaims("roles").convert(jwt);

        assertThat(authentication.getName()).isEqualTo("fatima.z");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SECURITY_OFFICER", "ROLE_COMMITTEE");
    }

    @Test
    void aSpaceOrCommaSeparatedStringClaimIsReadToo() {
        Jwt jwt = jwt(Map.of("sub", "a1b2", "groups", "social_worker, coordinator"));

        assertThat(new StaffRoleClaims("groups").convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SOCIAL_WORKER", "ROLE_COORDINATOR");
    }

    @Test
    void aDottedClaimPathReachesIntoNestedObjectsAsKeycloakNestsRoles() {
        Jwt jwt = jwt(Map.of("sub", "a1b2", "realm_access", Map.of("roles", List.of("operator", "offline_access"))));

        var authentication = new StaffRoleClaims("realm_access.roles").convert(jwt);

        assertThat(authentication.getName()).isEqualTo("a1b2");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR");
    }

    @Test
    void aTokenWithoutTheClaimIsSignedInWithNoRoleSoItMayDoNothing() {
        Jwt jwt = jwt(Map.of("sub", "a1b2", "scope", "openid"));

        assertThat(new StaffRoleClaims("roles").convert(jwt).getAuthorities()).isEmpty();
        assertThat(new StaffRoleClaims("realm_access.roles").convert(jwt).getAuthorities()).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Instant now = Instant.parse("2026-11-29T20:00:00Z");
        return new Jwt("token", now, now.plusSeconds(300), Map.of("alg", "RS256"), claims);
    }
}
