package org.rabt.config.staff;

import java.util.stream.Collectors;
import org.rabt.caserecord.staff.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Staff roles as Spring Security authorities ({@code ROLE_SECURITY_OFFICER}) and back, for the audit log. */
public final class StaffAuthorities {

    private static final String PREFIX = "ROLE_";

    private StaffAuthorities() {
    }

    static String of(StaffRole role) {
        return PREFIX + role.name();
    }

    /** The roles of a signed-in user as the audit log names them, e.g. {@code COMMITTEE}; "none" when it has none. */
    public static String rolesOf(Authentication authentication) {
        String roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PREFIX)).map(authority -> authority.substring(PREFIX.length()))
                .sorted().collect(Collectors.joining(","));
        return roles.isEmpty() ? "none" : roles;
    }
}
