package org.rabt.config.console;

import jakarta.servlet.http.HttpServletRequest;
import org.rabt.config.caserecord.CaseRecordAccess;
import org.rabt.config.staff.ConsoleAccessDeniedHandler;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The way into the console: the sign-in page, each role's start page after it (the worklist for
 * the social worker and the coordinator, the audit page for the security officer, the reports for
 * the committee, the dead letters for the operator, a page saying the console has nothing for a
 * user with none of these roles), and the 403 page of a refusal.
 */
@Controller
public class ConsoleStartController {

    private final CaseRecordAccess access;
    private final ConsoleProperties properties;

    public ConsoleStartController(CaseRecordAccess access, ConsoleProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    @GetMapping("/console/login")
    public String login() {
        return "console/login";
    }

    @GetMapping("/console")
    public String start(Authentication who, Model model) {
        if (ConsoleRoles.works(who)) {
            model.addAttribute("newCards", access.newCards(properties.pageSize()));
            model.addAttribute("overdue", access.referrals(true, null, properties.pageSize(), 0));
            model.addAttribute("reviewCount", access.reviews(who).size());
            return "console/worklist";
        }
        if (ConsoleRoles.audits(who)) {
            return "redirect:/console/audit";
        }
        if (ConsoleRoles.reads(who)) {
            return "redirect:/console/reports";
        }
        if (ConsoleRoles.operates(who)) {
            return "redirect:/console/dead-letters";
        }
        return "console/no-console";
    }

    /** Every method: a refused POST is forwarded here as a POST. */
    @RequestMapping(ConsoleAccessDeniedHandler.FORBIDDEN_PAGE)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String forbidden(HttpServletRequest request, Model model) {
        model.addAttribute("formExpired", request.getAttribute(ConsoleAccessDeniedHandler.FORM_EXPIRED) != null);
        return "console/forbidden";
    }
}
