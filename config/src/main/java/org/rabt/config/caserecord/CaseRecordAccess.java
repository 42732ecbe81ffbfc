package org.rabt.config.caserecord;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.children.ChildFile;
import org.rabt.caserecord.children.ChildFiles;
import org.rabt.caserecord.children.ChildSummary;
import org.rabt.caserecord.children.FileMerge;
import org.rabt.caserecord.children.FileMerges;
import org.rabt.caserecord.children.MatchReview;
import org.rabt.caserecord.children.RecentCard;
import org.rabt.caserecord.children.Referral;
import org.rabt.caserecord.staff.StaffRole;
import org.rabt.config.staff.StaffAuthorities;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The case record as a member of staff uses it, through the API or the console alike: who may
 * see the child's identity, and the audit entry of every search, every view of a child's file
 * and every decision on the review list. (Which role may call what at all is the security
 * chain's matter: StaffSecurityConfiguration.)
 */
public final class CaseRecordAccess {

    /** The roles that work with the child and so see the child's identity; others see the file without it. */
    static final Set<StaffRole> IDENTITY_ROLES = Set.of(StaffRole.SOCIAL_WORKER, StaffRole.COORDINATOR);

    public static final String FILE_VIEWED = "child-file-viewed";
    public static final String SEARCHED = "children-searched";

    private final ChildFiles files;
    private final FileMerges merges;
    private final AuditStore audit;
    private final Clock clock;
    private final Duration newCards;

    public CaseRecordAccess(ChildFiles files, FileMerges merges, AuditStore audit, Clock clock, Duration newCards) {
        this.files = files;
        this.merges = merges;
        this.audit = audit;
        this.clock = clock;
        this.newCards = newCards;
    }

    /** Whether this member of staff may see children's identities. */
    public static boolean mayIdentify(Authentication who) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> IDENTITY_ROLES.stream().anyMatch(role -> a.equals("ROLE_" + role.name())));
    }

    /** Searches the files (see {@link ChildFiles#search}); the search is audited, never the words searched for. */
    public List<ChildSummary> search(String query, int limit, int offset, Authentication who) {
        List<ChildSummary> found = files.search(query, limit, offset, mayIdentify(who));
        String how = query == null || query.isBlank() ? "recent files" : "a search";
        audit.recordAboutChild(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), SEARCHED, null, "success",
                how + ": " + found.size() + " files");
        return found;
    }

    /** A child's file; the view is an entry of the audit log, naming the child by pseudonym. */
    public Optional<ChildFile> view(UUID fileId, Authentication who) {
        Optional<ChildFile> file = files.file(fileId, mayIdentify(who));
        file.ifPresent(f -> audit.recordAboutChild(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who),
                FILE_VIEWED, files.firstPseudonym(fileId).orElse(null), "success",
                "file " + fileId + (mayIdentify(who) ? " with identity" : " without identity")));
        return file;
    }

    public List<Referral> referrals(boolean overdueOnly, SectorId to, int limit, int offset) {
        return files.referrals(overdueOnly, to, limit, offset);
    }

    public List<RecentCard> newCards(int limit) {
        return files.recentCards(clock.instant().minus(newCards), limit);
    }

    public List<MatchReview> reviews(Authentication who) {
        return files.reviews(mayIdentify(who), 200);
    }

    /** The merges still in force, the most recent first (metadata only: files and pseudonyms). */
    public List<FileMerge> mergesInForce(int limit) {
        return merges.inForce(limit);
    }

    public FileMerges.Outcome merge(long reviewId, String reason, Authentication who) {
        return decided(merges.merge(reviewId, who.getName(), StaffAuthorities.rolesOf(who), reason));
    }

    public FileMerges.Outcome dismiss(long reviewId, Authentication who) {
        return decided(merges.dismiss(reviewId, who.getName(), StaffAuthorities.rolesOf(who)));
    }

    public FileMerges.Outcome undoMerge(long mergeId, Authentication who) {
        return decided(merges.undo(mergeId, who.getName(), StaffAuthorities.rolesOf(who)));
    }

    private static FileMerges.Outcome decided(FileMerges.Outcome outcome) {
        if (outcome instanceof FileMerges.Outcome.NotFound) {
            throw new CaseRecordException(CaseRecordProblem.NO_SUCH_DECISION, "id", CaseRecordProblem.NO_SUCH_DECISION.detail());
        }
        return outcome;
    }
}
