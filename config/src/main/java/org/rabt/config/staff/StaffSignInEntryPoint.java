package org.rabt.config.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * No valid sign-in: 401 with the challenges the staff API accepts ({@code Basic}, and
 * {@code Bearer} when an identity provider is configured), and the problem document RABT-A004
 * (rendered by the error controller, like every other refusal).
 */
final class StaffSignInEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "rabt";

    private final boolean bearer;

    StaffSignInEntryPoint(boolean bearer) {
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        if (bearer) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        }
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
