package org.rabt.config.caserecord;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.config.staff.StaffAuthorities;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.MappingException;
import org.rabt.routes.exchange.Problem;
import org.rabt.routes.exchange.Problems;
import org.rabt.security.SecurityViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The case record's refusals as problem documents with their codes, each an audit entry naming
 * the member of staff: a card the centre wrote is refused exactly as a sector's would be.
 */
@RestControllerAdvice(assignableTypes = {ChildrenController.class, ReferralsController.class, ReviewsController.class,
    CentreCardsController.class})
public class CaseRecordAdvice {

    static final String REFUSED = "staff-request-refused";

    private final Problems problems;
    private final AuditStore audit;
    private final Clock clock;

    public CaseRecordAdvice(Problems problems, AuditStore audit, Clock clock) {
        this.problems = problems;
        this.audit = audit;
        this.clock = clock;
    }

    @ExceptionHandler({CaseRecordException.class, MappingException.class, IntakeException.class, SecurityViolation.class})
    ResponseEntity<Problem> refused(RuntimeException refused, HttpServletRequest request, Authentication who) {
        Problem problem = refusal(refused, request, who);
        return ResponseEntity.status(problem.status()).contentType(MediaType.valueOf(Problem.MEDIA_TYPE)).body(problem);
    }

    /**
     * The problem a refusal of the case record is answered with, recorded in the audit log; the
     * console shows the same code and detail on its forms.
     */
    public Problem refusal(RuntimeException refused, HttpServletRequest request, Authentication who) {
        Problem problem;
        if (refused instanceof CaseRecordException caseRecord) {
            CaseRecordProblem kind = caseRecord.problem();
            problem = Problem.of(kind.code(), kind.title(), kind.status(), caseRecord.detail(), request.getRequestURI(),
                    caseRecord.field());
        } else {
            problem = problems.problemForFailure(refused, request.getRequestURI());
        }
        audit.record(clock.instant(), who == null ? "staff" : who.getName(),
                who == null ? "staff" : StaffAuthorities.rolesOf(who), REFUSED, "centre", null, "failure", problem.code(), null,
                problem.instance());
        return problem;
    }
}
