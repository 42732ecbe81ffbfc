package org.rabt.config.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.rabt.config.operations.DeadLetters;
import org.rabt.config.operations.OperationsException;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.exchange.Problem;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operator's page of dead letters: each sector's count, one sector's cards that no retry
 * delivered, and the replay of one card or of the sector's whole queue, each through
 * {@link DeadLetters}, which audits it. After a replay the page is shown again (post, redirect,
 * get) with a confirmation.
 */
@Controller
public class DeadLetterPagesController {

    private final DeadLetters deadLetters;

    public DeadLetterPagesController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** {@code sector}: the sector shown; when absent, the first with dead letters (else the first). */
    @GetMapping("/console/dead-letters")
    public String page(@RequestParam(name = "sector", required = false) String sector, Authentication who,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            List<DeadLetters.SectorCount> counts = deadLetters.counts();
            String shown = sector != null ? DeadLetters.sector(sector).code() : counts.stream()
                    .filter(count -> count.count() > 0).findFirst().orElse(counts.get(0)).sector();
            model.addAttribute("counts", counts);
            model.addAttribute("sector", shown);
            model.addAttribute("listing", deadLetters.list(shown, DeadLetters.DEFAULT_LIMIT, who));
        } catch (OperationsException refused) {
            Problem problem = deadLetters.refusal(refused, request.getRequestURI(), who);
            response.setStatus(problem.status());
            model.addAttribute("problemCode", problem.code());
            model.addAttribute("problemDetail", problem.detail());
        }
        return "console/dead-letters";
    }

    @PostMapping("/console/dead-letters/{sector}/{cardId}/replay")
    public String replay(@PathVariable("sector") String sector, @PathVariable("cardId") String cardId,
            Authentication who, HttpServletRequest request, RedirectAttributes next) {
        try {
            DeadLetters.Replay replay = deadLetters.replay(sector, cardId, who);
            next.addFlashAttribute("replayedCard", replay.cardId());
        } catch (OperationsException refused) {
            flashProblem(deadLetters.refusal(refused, request.getRequestURI(), who), next);
        }
        return back(sector);
    }

    @PostMapping("/console/dead-letters/{sector}/replay")
    public String replayAll(@PathVariable("sector") String sector, Authentication who, HttpServletRequest request,
            RedirectAttributes next) {
        try {
            next.addFlashAttribute("replayedCount", String.valueOf(deadLetters.replayAll(sector, who)));
        } catch (OperationsException refused) {
            flashProblem(deadLetters.refusal(refused, request.getRequestURI(), who), next);
        }
        return back(sector);
    }

    private static void flashProblem(Problem problem, RedirectAttributes next) {
        // plain strings: flash attributes live in the session
        next.addFlashAttribute("problemCode", problem.code());
        next.addFlashAttribute("problemDetail", problem.detail());
    }

    /** Back to the sector's list; an unknown sector's text never goes into the address. */
    private static String back(String sector) {
        boolean known = java.util.Arrays.stream(SectorId.values()).anyMatch(s -> s.code().equals(sector));
        return "redirect:" + (known ? UriComponentsBuilder.fromPath("/console/dead-letters")
                .queryParam("sector", sector).build().toUriString() : "/console/dead-letters");
    }
}
