package org.rabt.config.caserecord;

import java.util.List;
import org.rabt.caserecord.children.FileMerges;
import org.rabt.caserecord.children.MatchReview;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review list of possible duplicates, and a coordinator's decisions on it: merge, dismiss,
 * and undo a merge. Each decision is audited; a merge can always be undone.
 */
@RestController
public class ReviewsController {

    public record ReviewList(List<MatchReview> items) {
    }

    /** Why the coordinator merges (kept with the merge). */
    public record MergeRequest(String reason) {
    }

    private final CaseRecordAccess access;

    public ReviewsController(CaseRecordAccess access) {
        this.access = access;
    }

    @GetMapping(path = "/api/v1/reviews", produces = "application/json")
    public ReviewList reviews(Authentication who) {
        return new ReviewList(access.reviews(who));
    }

    @PostMapping(path = "/api/v1/reviews/{id}/merge", produces = "application/json")
    public FileMerges.Outcome merge(@PathVariable("id") long id, @RequestBody(required = false) MergeRequest request,
            Authentication who) {
        return access.merge(id, request == null ? null : request.reason(), who);
    }

    @PostMapping(path = "/api/v1/reviews/{id}/dismiss", produces = "application/json")
    public FileMerges.Outcome dismiss(@PathVariable("id") long id, Authentication who) {
        return access.dismiss(id, who);
    }

    @PostMapping(path = "/api/v1/merges/{id}/undo", produces = "application/json")
    public FileMerges.Outcome undo(@PathVariable("id") long id, Authentication who) {
        return access.undoMerge(id, who);
    }
}
