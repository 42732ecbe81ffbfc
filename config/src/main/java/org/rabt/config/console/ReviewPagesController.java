package org.rabt.config.console;

import jakarta.servlet.http.HttpServletRequest;
import org.rabt.config.caserecord.CaseRecordAccess;
import org.rabt.config.caserecord.CaseRecordAdvice;
import org.rabt.config.caserecord.CaseRecordException;
import org.rabt.routes.exchange.Problem;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review list of files that may be one child, and the coordinator's decisions on it (merge,
 * dismiss, undo a merge), each through {@link CaseRecordAccess}, which audits it. After a
 * decision the list is shown again (post, redirect, get) with a message saying what was done.
 */
@Controller
public class ReviewPagesController {

    static final int MERGES_SHOWN = 100;

    private final CaseRecordAccess access;
    private final CaseRecordAdvice refusals;

    public ReviewPagesController(CaseRecordAccess access, CaseRecordAdvice refusals) {
        this.access = access;
        this.refusals = refusals;
    }

    @GetMapping("/console/reviews")
    public String reviews(Authentication who, Model model) {
        model.addAttribute("reviews", access.reviews(who));
        model.addAttribute("merges", access.mergesInForce(MERGES_SHOWN));
        model.addAttribute("coordinator", ConsoleRoles.coordinates(who));
        return "console/reviews";
    }

    @PostMapping("/console/reviews/{id}/merge")
    public String merge(@PathVariable("id") long id, @RequestParam(name = "reason", required = false) String reason,
            Authentication who, HttpServletRequest request, RedirectAttributes next) {
        return decided(() -> access.merge(id, reason == null || reason.isBlank() ? null : reason.trim(), who),
                "review.merged", id, who, request, next);
    }

    @PostMapping("/console/reviews/{id}/dismiss")
    public String dismiss(@PathVariable("id") long id, Authentication who, HttpServletRequest request,
            RedirectAttributes next) {
        return decided(() -> access.dismiss(id, who), "review.dismissed", id, who, request, next);
    }

    @PostMapping("/console/merges/{id}/undo")
    public String undo(@PathVariable("id") long id, Authentication who, HttpServletRequest request, RedirectAttributes next) {
        return decided(() -> access.undoMerge(id, who), "review.undone", id, who, request, next);
    }

    private String decided(Runnable decision, String message, long id, Authentication who, HttpServletRequest request,
            RedirectAttributes next) {
        try {
            decision.run();
            next.addFlashAttribute("message", message);
            next.addFlashAttribute("messageId", String.valueOf(id));
        } catch (CaseRecordException refused) {
            Problem problem = refusals.refusal(refused, request, who);
            // plain strings: flash attributes live in the session
            next.addFlashAttribute("problemCode", problem.code());
            next.addFlashAttribute("problemDetail", problem.detail());
        }
        return "redirect:/console/reviews";
    }
}
