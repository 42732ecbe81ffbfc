package org.rabt.config.caserecord;

import java.util.List;
import java.util.UUID;
import org.rabt.caserecord.children.ChildFile;
import org.rabt.caserecord.children.ChildSummary;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The children's files (docs/case-record.md): search, and one child's consolidated file. Every
 * search and every view is audited; the identity is in the answer only for the roles that work
 * with the child.
 */
@RestController
public class ChildrenController {

    /** A page of files. */
    public record ChildPage(List<ChildSummary> items, int limit, int offset) {
    }

    private final CaseRecordAccess access;

    public ChildrenController(CaseRecordAccess access) {
        this.access = access;
    }

    /**
     * Files, most recently active first; {@code q}: a name (any spelling or script), a file id, a
     * card id or a pseudonym.
     */
    @GetMapping(path = "/api/v1/children", produces = "application/json")
    public ChildPage search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            @RequestParam(name = "offset", defaultValue = "0") int offset, Authentication who) {
        return new ChildPage(access.search(q, limit, offset, who), limit, offset);
    }

    /** A document a card of the file references, as its sender uploaded it. */
    @GetMapping(path = "/api/v1/children/{fileId}/attachments/{sha256}")
    public org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable("fileId") UUID fileId,
            @PathVariable("sha256") String sha256, Authentication who) {
        var document = access.attachment(fileId, sha256, who).orElseThrow(() -> new CaseRecordException(
                CaseRecordProblem.NO_SUCH_ATTACHMENT, "sha256", CaseRecordProblem.NO_SUCH_ATTACHMENT.detail()));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(document.mediaType()))
                .header("Content-Disposition", "attachment; filename=\"" + sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }

    @GetMapping(path = "/api/v1/children/{fileId}", produces = "application/json")
    public ChildFile file(@PathVariable("fileId") UUID fileId, Authentication who) {
        return access.view(fileId, who).orElseThrow(() -> new CaseRecordException(CaseRecordProblem.NO_SUCH_FILE, "fileId",
                CaseRecordProblem.NO_SUCH_FILE.detail()));
    }
}
