package org.rabt.config.console;

import org.rabt.caserecord.staff.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Which part of the console a signed-in member of staff has (the security chain enforces it; this picks pages). */
final class ConsoleRoles {

    private ConsoleRoles() {
    }

    /** The social worker and the coordinator: worklist, children, cards, reviews. */
    static boolean works(Authentication who) {
        return has(who, StaffRole.SOCIAL_WORKER) || has(who, StaffRole.COORDINATOR);
    }

    static boolean audits(Authentication who) {
        return has(who, StaffRole.SECURITY_OFFICER);
    }

    /** The committee: the reports (the coordinator has them too, besides the worklist). */
    static boolean reads(Authentication who) {
        return has(who, StaffRole.COMMITTEE);
    }

    /** The operator: the dead letters. */
    static boolean operates(Authentication who) {
        return has(who, StaffRole.OPERATOR);
    }

    static boolean coordinates(Authentication who) {
        return has(who, StaffRole.COORDINATOR);
    }

    private static boolean has(Authentication who, StaffRole role) {
        return who != null && who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role.name())::equals);
    }
}
