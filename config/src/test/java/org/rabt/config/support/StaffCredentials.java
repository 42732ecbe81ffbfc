package org.rabt.config.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials of the staff users that {@code rabt.demo=true} creates. */
public final class StaffCredentials {

    public static final String DEMO_PASSWORD = "demo";

    private StaffCredentials() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
