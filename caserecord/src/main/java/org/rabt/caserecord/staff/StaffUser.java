package org.rabt.caserecord.staff;

import java.time.Instant;

/** A member of staff in the embedded user store; {@code passwordHash} is a bcrypt hash, never a password. */
public record StaffUser(String username, String passwordHash, StaffRole role, Instant createdAt, boolean disabled) {
}
