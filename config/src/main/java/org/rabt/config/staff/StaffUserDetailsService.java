package org.rabt.config.staff;

import org.rabt.caserecord.staff.StaffUser;
import org.rabt.caserecord.staff.StaffUsers;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Spring Security's view of the embedded user store: one role per user, disabled users refused. */
final class StaffUserDetailsService implements UserDetailsService {

    private final StaffUsers users;

    StaffUserDetailsService(StaffUsers users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffUser user = users.find(username).orElseThrow(() -> new UsernameNotFoundException("no staff user " + username));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .authorities(StaffAuthorities.of(user.role()))
                .disabled(user.disabled())
                .build();
    }
}
