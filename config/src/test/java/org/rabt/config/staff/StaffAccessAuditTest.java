package org.rabt.config.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** What a failed sign-in writes as its actor: the name tried, never a credential. */
class StaffAccessAuditTest {

    @Test
    void aFailedBasicSignInIsNamedByTheUserNameTried() {
        assertThat(StaffAccessAudit.triedName(UsernamePasswordAuthenticationToken.unauthenticated("amina.b", "wrong")))
                .isEqualTo("amina.b");
    }

    @Test
    void aRefusedBearerTokenIsNeverWrittenToTheLog() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        assertThat(StaffAccessAudit.triedName(new BearerTokenAuthenticationToken(token))).isEqualTo("bearer-token");
    }
}
