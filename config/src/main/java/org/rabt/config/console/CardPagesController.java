package org.rabt.config.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.UUID;
import org.rabt.config.caserecord.CaseRecordAdvice;
import org.rabt.config.caserecord.CaseRecordException;
import org.rabt.config.caserecord.CentreCardSender;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.MappingException;
import org.rabt.routes.exchange.Problem;
import org.rabt.security.SecurityViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forms that write a card: a reporting card, a linkage card to a sector, a follow-up, an
 * evaluation. What is sent goes through {@link CentreCardSender}, as POST /api/v1/cards does; a
 * refusal shows the form again with the problem's code and detail.
 */
@Controller
public class CardPagesController {

    static final Set<String> TYPES = Set.of("reporting", "linkage", "follow-up", "evaluation");

    private final CentreCardSender sender;
    private final CaseRecordAdvice refusals;

    public CardPagesController(CentreCardSender sender, CaseRecordAdvice refusals) {
        this.sender = sender;
        this.refusals = refusals;
    }

    @GetMapping("/console/cards/new")
    public ModelAndView form(@RequestParam(name = "type", defaultValue = "reporting") String type,
            @RequestParam(name = "file", required = false) UUID file,
            @RequestParam(name = "follows", required = false) UUID follows) {
        String known = TYPES.contains(type) ? type : "reporting";
        return page(CardForm.blank(known, file == null ? null : file.toString(), follows == null ? null : follows.toString()),
                null, HttpStatus.OK);
    }

    @PostMapping("/console/cards")
    public ModelAndView send(@ModelAttribute CardForm form, HttpServletRequest request, Authentication who) {
        try {
            CentreCardSender.Sent sent = sender.send(form.toRequest(), form.idempotencyKey(), who);
            return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/console/children/{file}")
                    .queryParam("sent", sent.cardId()).buildAndExpand(sent.fileId()).toUriString());
        } catch (CaseRecordException | MappingException | IntakeException | SecurityViolation refused) {
            Problem problem = refusals.refusal(refused, request, who);
            return page(form, problem, HttpStatus.valueOf(problem.status()));
        }
    }

    private static ModelAndView page(CardForm form, Problem problem, HttpStatus status) {
        ModelAndView page = new ModelAndView("console/card-form");
        page.addObject("form", form);
        page.addObject("problem", problem);
        page.setStatus(status);
        return page;
    }
}
