package org.rabt.config.staff;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.rabt.caserecord.staff.StaffRole;
import org.rabt.caserecord.staff.StaffUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users a hub starts with. With {@code --demo} ({@code rabt.demo=true}) one user per role,
 * password {@code demo}. Otherwise, on a first start with no user at all, an {@code operator}
 * whose random password is printed once on the console (standard output, not the log, which may
 * be kept or shipped) and stored only as its bcrypt hash.
 */
final class StaffUsersBootstrap {

    static final String DEMO_PASSWORD = "demo";
    static final Map<String, StaffRole> DEMO_USERS = Map.of(
            "social.worker", StaffRole.SOCIAL_WORKER,
            "coordinator", StaffRole.COORDINATOR,
            "security.officer", StaffRole.SECURITY_OFFICER,
            "operator", StaffRole.OPERATOR,
            "committee", StaffRole.COMMITTEE);
    static final String FIRST_OPERATOR = "operator";

    private static final Logger LOG = LoggerFactory.getLogger(StaffUsersBootstrap.class);

    private final StaffUsers users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final PrintStream console;

    StaffUsersBootstrap(StaffUsers users, PasswordEncoder passwords, Clock clock, PrintStream console) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.console = console;
    }

    void run(boolean demo) {
        if (demo) {
            DEMO_USERS.forEach((username, role) -> {
                if (users.addIfAbsent(username, passwords.encode(DEMO_PASSWORD), role, clock.instant())) {
                    LOG.warn("demo user {} ({}) created with the password \"demo\": never use --demo in production",
                            username, role);
                }
            });
            return;
        }
        if (users.isEmpty()) {
            String password = oneTimePassword();
            if (users.addIfAbsent(FIRST_OPERATOR, passwords.encode(password), StaffRole.OPERATOR, clock.instant())) {
                LOG.warn("no staff user existed: created '{}'; its password is printed once on the console", FIRST_OPERATOR);
                console.println();
                console.println("Rabt: first start. Staff user '" + FIRST_OPERATOR + "' (role OPERATOR), password: " + password);
                console.println("Rabt: this password is shown only now. Add other users with: java -jar rabt.jar users add");
                console.println();
                console.flush();
            }
        }
    }

    static String oneTimePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
