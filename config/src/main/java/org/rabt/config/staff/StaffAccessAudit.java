package org.rabt.config.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.config.web.FallbackProblem;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Staff sign-ins and console sign-outs in the audit log: every failure (wrong password, unknown or disabled user, a
 * bad token) and every refused access; a success at most once per user per {@link #SIGN_IN_QUIET}
 * because HTTP Basic signs in again on every request and the log is for people to read.
 */
public final class StaffAccessAudit {

    static final Duration SIGN_IN_QUIET = Duration.ofMinutes(5);
    static final String SIGN_IN = "staff-sign-in";
    static final String SIGN_IN_FAILED = "staff-sign-in-failed";
    static final String SIGN_OUT = "staff-sign-out";
    static final String ACCESS_DENIED = "access-denied";
    /** Who tried is not known until the password is right: the role of a failed sign-in is only "staff". */
    private static final String UNPROVEN_ROLE = "staff";

    private final AuditStore audit;
    private final Clock clock;
    private final Map<String, Instant> lastSignIn = new ConcurrentHashMap<>();

    public StaffAccessAudit(AuditStore audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        Authentication who = event.getAuthentication();
        Instant now = clock.instant();
        Instant previous = lastSignIn.get(who.getName());
        if (previous != null && previous.plus(SIGN_IN_QUIET).isAfter(now)) {
            return;
        }
        lastSignIn.put(who.getName(), now);
        audit.record(now, who.getName(), StaffAuthorities.rolesOf(who), SIGN_IN, null, null, "success", null, null,
                currentRequest());
    }

    /**
     * A console sign-out (the API keeps no session to end): Spring Security's logout publishes the
     * event. The next sign-in of the same user is an entry again, however soon it comes.
     */
    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        Authentication who = event.getAuthentication();
        if (who == null) {
            return;
        }
        lastSignIn.remove(who.getName());
        audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), SIGN_OUT, null, null, "success",
                null, null, currentRequest());
    }

    @EventListener
    public void signInFailed(AbstractAuthenticationFailureEvent event) {
        audit.record(clock.instant(), triedName(event.getAuthentication()), UNPROVEN_ROLE, SIGN_IN_FAILED,
                null, null, "failure", FallbackProblem.SIGN_IN_REQUIRED.code(), null,
                currentRequest() + " (" + event.getException().getClass().getSimpleName() + ")");
    }

    /** The name a failed sign-in claimed; a refused bearer token is a credential and never goes into the log. */
    static String triedName(Authentication attempt) {
        if (attempt instanceof BearerTokenAuthenticationToken) {
            return "bearer-token";
        }
        return String.valueOf(attempt.getName());
    }

    void accessDenied(Authentication who, HttpServletRequest request) {
        audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), ACCESS_DENIED, null, null, "failure",
                FallbackProblem.ROLE_NOT_ALLOWED.code(), null, describe(request));
    }

    /** Authentication events carry no request; Spring's request context (set before security runs) does. */
    private static String currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? describe(attributes.getRequest())
                : "";
    }

    private static String describe(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }
}
