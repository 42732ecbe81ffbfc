package org.rabt.caserecord.children;

import java.util.List;
import org.rabt.mappings.cpm.ChildProtected;

/**
 * A child's consolidated file: every card of every sector about the child, as one timeline, with
 * the referrals and the pathway stage over time.
 *
 * @param identity the child's identity from the most recent card that carried it; {@code null}
 *                 for roles that may not see it
 */
public record ChildFile(
        ChildSummary summary,
        ChildProtected identity,
        List<TimelineEntry> timeline,
        List<Referral> referrals,
        List<StageChange> stages,
        List<FileMerge> merges,
        List<FileAttachment> attachments) {

    public ChildFile {
        timeline = List.copyOf(timeline);
        referrals = List.copyOf(referrals);
        stages = List.copyOf(stages);
        merges = List.copyOf(merges);
        attachments = List.copyOf(attachments);
    }
}
