package org.rabt.config.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A signed-in member of staff whose role may not do this: audited, then 403 RABT-A005 (rendered by the error controller). */
final class StaffAccessDeniedHandler implements AccessDeniedHandler {

    private final StaffAccessAudit audit;

    StaffAccessDeniedHandler(StaffAccessAudit audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null) {
            audit.accessDenied(who, request);
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
