package org.rabt.config.staff;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A signed-in member of staff whose role may not open this console page: audited like a refusal
 * of the staff API ({@code access-denied}, RABT-A005), then the console's own 403 page, in the
 * page's language, rather than a problem document a person cannot read.
 */
public final class ConsoleAccessDeniedHandler implements AccessDeniedHandler {

    /** Where the refusal is rendered (ConsoleForbiddenController). */
    public static final String FORBIDDEN_PAGE = "/console/forbidden";

    /** A request attribute: the refusal was of a form whose CSRF token no longer holds. */
    public static final String FORM_EXPIRED = "org.rabt.console.form-expired";

    private final StaffAccessAudit audit;

    ConsoleAccessDeniedHandler(StaffAccessAudit audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null) {
            audit.accessDenied(who, request);
        }
        if (denied instanceof CsrfException) {
            // a form kept open past its session, not a role's refusal: the page says to sign in again
            request.setAttribute(FORM_EXPIRED, Boolean.TRUE);
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher(FORBIDDEN_PAGE).forward(request, response);
    }
}
