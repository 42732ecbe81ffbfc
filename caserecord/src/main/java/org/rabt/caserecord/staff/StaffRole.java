package org.rabt.caserecord.staff;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the centre's staff (DESIGN.md, "Who uses it"). What each may do is the access
 * matrix of docs/staff-access.md.
 */
public enum StaffRole {
    SOCIAL_WORKER,
    COORDINATOR,
    SECURITY_OFFICER,
    OPERATOR,
    /** The provincial committee: de-identified aggregates only, never a child's file. */
    COMMITTEE;

    /** Reads a role as people write it: {@code security-officer}, {@code Security_Officer}, {@code SECURITY_OFFICER}. */
    public static Optional<StaffRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_').replace(' ', '_');
        for (StaffRole role : values()) {
            if (role.name().equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
