package org.rabt.mappings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Status;

/**
 * What each receiving sector may see of a card: the need-to-know table of
 * {@code docs/minimisation.md}, in code. Every outbound mapper applies it first, so no format
 * can send more than its sector needs; the table and the document are kept equal by a test.
 */
public final class Minimisation {

    /** The parts of the child's identity a receiver may get. */
    public enum IdentityField {
        NAMES, BIRTH_DATE, GUARDIANS, ADDRESS, PHONE, NATIONAL_ID, CIVIL_STATUS_NUMBER, SCHOOL_CODE,
        /** Only with a judicial order, except for justice itself. */
        COURT_FILE_NUMBER
    }

    /**
     * One receiver's policy.
     *
     * @param identity           the identity fields it may get
     * @param sexualNature       whether it may learn that a concern is sexual (otherwise such a
     *                           concern arrives as {@link ConcernCode#PROTECTION_CONCERN})
     * @param attachmentTypes    which documents it may learn of
     * @param courtFileOnOrder   whether it gets the court file number when the legal basis is a judicial order
     */
    public record Policy(Set<IdentityField> identity, boolean sexualNature, Set<AttachmentType> attachmentTypes,
            boolean courtFileOnOrder) {
    }

    /** Concerns whose nature education and labour inspection never learn. */
    static final Set<ConcernCode> SEXUAL = EnumSet.of(ConcernCode.SEXUAL_VIOLENCE, ConcernCode.SEXUAL_EXPLOITATION);

    private static final Map<SectorId, Policy> POLICIES = policies();

    private Minimisation() {
    }

    public static Policy policyFor(SectorId receiver) {
        return POLICIES.get(receiver);
    }

    /** The card as {@code receiver} may see it. */
    public static ChildProtectionMessage forReceiver(SectorId receiver, ChildProtectionMessage cpm) {
        Policy policy = POLICIES.get(receiver);
        return new ChildProtectionMessage(
                cpm.header(),
                cpm.child(),
                identity(cpm, policy),
                concerns(cpm.concerns(), policy),
                cpm.pathway(),
                receiver == SectorId.CENTRE ? cpm.requestedServices() : servicesFor(receiver, cpm.requestedServices()),
                cpm.consent(),
                cpm.attachments().stream().filter(a -> policy.attachmentTypes().contains(a.type())).toList(),
                status(cpm.status(), policy, cpm.header().sender().sector() == receiver));
    }

    /**
     * The status goes to every receiver; the other sector's own words for it and the free-text
     * outcome (which may say what a forensic examination found) only to those who may learn the
     * nature of the harm, or back to the sector that wrote them.
     */
    private static Status status(Status status, Policy policy, boolean ownWords) {
        return status == null || policy.sexualNature() || ownWords ? status : new Status(status.status(), null, null);
    }

    private static ChildProtected identity(ChildProtectionMessage cpm, Policy policy) {
        ChildProtected full = cpm.childProtected();
        if (full == null || policy.identity().isEmpty()) {
            return null;
        }
        Set<IdentityField> allowed = policy.identity();
        boolean names = allowed.contains(IdentityField.NAMES);
        boolean courtFile = allowed.contains(IdentityField.COURT_FILE_NUMBER)
                || policy.courtFileOnOrder() && cpm.header().legalBasis() == LegalBasis.JUDICIAL_ORDER;
        return new ChildProtected(
                names ? full.familyNameLatin() : null,
                names ? full.givenNameLatin() : null,
                names ? full.familyNameArabic() : null,
                names ? full.givenNameArabic() : null,
                allowed.contains(IdentityField.BIRTH_DATE) ? full.birthDate() : null,
                allowed.contains(IdentityField.GUARDIANS) ? full.guardians() : List.of(),
                allowed.contains(IdentityField.ADDRESS) ? full.address() : null,
                allowed.contains(IdentityField.PHONE) ? full.phone() : null,
                allowed.contains(IdentityField.NATIONAL_ID) ? full.nationalId() : null,
                allowed.contains(IdentityField.CIVIL_STATUS_NUMBER) ? full.civilStatusNumber() : null,
                allowed.contains(IdentityField.SCHOOL_CODE) ? full.schoolCode() : null,
                courtFile ? full.courtFileNumber() : null);
    }

    private static List<Concern> concerns(List<Concern> concerns, Policy policy) {
        if (policy.sexualNature()) {
            return concerns;
        }
        // Masked concerns keep their certainty, setting, risk and urgency: the receiver still
        // knows how serious and urgent it is, not what it is.
        Set<Concern> masked = new LinkedHashSet<>();
        for (Concern concern : concerns) {
            masked.add(SEXUAL.contains(concern.code())
                    ? new Concern(ConcernCode.PROTECTION_CONCERN, concern.certainty(), null, concern.riskLevel(),
                            concern.emergency())
                    : concern);
        }
        return new ArrayList<>(masked);
    }

    private static List<RequestedService> servicesFor(SectorId receiver, List<RequestedService> services) {
        return services.stream().filter(s -> s.target() != null && s.target().sector() == receiver).toList();
    }

    private static Map<SectorId, Policy> policies() {
        Set<IdentityField> all = EnumSet.allOf(IdentityField.class);
        Set<IdentityField> person = EnumSet.of(IdentityField.NAMES, IdentityField.BIRTH_DATE, IdentityField.GUARDIANS,
                IdentityField.ADDRESS, IdentityField.PHONE, IdentityField.NATIONAL_ID, IdentityField.CIVIL_STATUS_NUMBER);
        Map<SectorId, Policy> policies = new EnumMap<>(SectorId.class);
        policies.put(SectorId.CENTRE, new Policy(all, true, EnumSet.allOf(AttachmentType.class), true));
        policies.put(SectorId.HEALTH, new Policy(person, true,
                EnumSet.of(AttachmentType.MEDICAL_CERTIFICATE, AttachmentType.FORENSIC_CERTIFICATE,
                        AttachmentType.SOCIAL_REPORT, AttachmentType.OTHER), false));
        policies.put(SectorId.JUSTICE, new Policy(EnumSet.complementOf(EnumSet.of(IdentityField.SCHOOL_CODE)), true,
                EnumSet.complementOf(EnumSet.of(AttachmentType.SCHOOL_REPORT)), true));
        policies.put(SectorId.POLICE, new Policy(person, true,
                EnumSet.of(AttachmentType.FORENSIC_CERTIFICATE, AttachmentType.POLICE_REPORT,
                        AttachmentType.COURT_DECISION), true));
        policies.put(SectorId.GENDARMERIE, policies.get(SectorId.POLICE));
        policies.put(SectorId.SOCIAL, new Policy(EnumSet.of(IdentityField.NAMES, IdentityField.BIRTH_DATE,
                IdentityField.GUARDIANS, IdentityField.ADDRESS, IdentityField.PHONE, IdentityField.CIVIL_STATUS_NUMBER),
                true, EnumSet.of(AttachmentType.SOCIAL_REPORT, AttachmentType.SCHOOL_REPORT), false));
        policies.put(SectorId.EDUCATION, new Policy(EnumSet.of(IdentityField.NAMES, IdentityField.BIRTH_DATE,
                IdentityField.GUARDIANS, IdentityField.SCHOOL_CODE), false,
                EnumSet.of(AttachmentType.SCHOOL_REPORT), false));
        policies.put(SectorId.LABOUR, new Policy(EnumSet.of(IdentityField.NAMES, IdentityField.BIRTH_DATE,
                IdentityField.GUARDIANS, IdentityField.ADDRESS), false, EnumSet.noneOf(AttachmentType.class), false));
        // The free line is a reporting channel: it learns that its report is being handled, not who the child is.
        policies.put(SectorId.FREELINE, new Policy(EnumSet.noneOf(IdentityField.class), false,
                EnumSet.noneOf(AttachmentType.class), false));
        return policies;
    }
}
