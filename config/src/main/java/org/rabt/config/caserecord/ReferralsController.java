package org.rabt.config.caserecord;

import java.util.List;
import org.rabt.caserecord.children.Referral;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Referrals followed to their outcome: all of them, or the overdue ones, oldest due first. */
@RestController
public class ReferralsController {

    public record ReferralPage(List<Referral> items, int limit, int offset) {
    }

    private final CaseRecordAccess access;

    public ReferralsController(CaseRecordAccess access) {
        this.access = access;
    }

    @GetMapping(path = "/api/v1/referrals", produces = "application/json")
    public ReferralPage referrals(@RequestParam(name = "overdue", defaultValue = "false") boolean overdue,
            @RequestParam(name = "sector", required = false) String sector,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "offset", defaultValue = "0") int offset) {
        SectorId to = sector == null || sector.isBlank() ? null : SectorId.fromCode(sector);
        return new ReferralPage(access.referrals(overdue, to, limit, offset), limit, offset);
    }
}
