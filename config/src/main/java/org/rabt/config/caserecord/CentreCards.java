package org.rabt.config.caserecord;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.children.ChildFile;
import org.rabt.caserecord.children.ChildFiles;
import org.rabt.caserecord.children.ChildSummary;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.Status;

/**
 * Builds the shared message of a card the centre's staff write ({@link CentreCardRequest}). For a
 * child the centre knows, the card carries the file's pseudonym and the identity of its most
 * recent card, so that it joins the same file and its receiver gets what it needs of the identity.
 */
public final class CentreCards {

    /** The service a linkage card asks of a sector when the worker names none (codes of the directory). */
    private static final Map<SectorId, String> USUAL_SERVICE = usualServices();

    private final ChildFiles files;
    private final CardStore cards;
    private final Clock clock;

    public CentreCards(ChildFiles files, CardStore cards, Clock clock) {
        this.files = files;
        this.cards = cards;
        this.clock = clock;
    }

    public ChildProtectionMessage build(CentreCardRequest request) {
        CardType type = CardType.fromCode(required(request.type(), "type"));
        SectorId receiver = request.receiver() == null || request.receiver().isBlank() ? SectorId.CENTRE
                : SectorId.fromCode(request.receiver());
        if (type == CardType.LINKAGE && receiver == SectorId.CENTRE) {
            throw invalid("receiver", "a linkage card goes to a sector: health, justice, education, labour, police, "
                    + "gendarmerie, social or freeline");
        }
        if (type == CardType.REPORTING && receiver != SectorId.CENTRE) {
            throw invalid("receiver", "the centre's reporting cards are for the centre itself; refer the child to a "
                    + "sector with a linkage card");
        }
        if (request.follows() != null && cards.find(request.follows()).isEmpty()) {
            throw invalid("follows", "no card has the id " + request.follows());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ChildShared child;
        ChildProtected identity;
        Integer fileStage = null;
        if (request.childFileId() != null) {
            ChildFile file = files.file(request.childFileId(), true).orElseThrow(() ->
                    new CaseRecordException(CaseRecordProblem.NO_SUCH_FILE, "childFileId", "no child's file has the id "
                            + request.childFileId()));
            ChildSummary summary = file.summary();
            String pseudonym = files.firstPseudonym(request.childFileId()).orElseThrow();
            identity = file.identity();
            child = new ChildShared(pseudonym, summary.sex() == null ? Sex.UNKNOWN : Sex.fromCode(summary.sex()),
                    summary.ageBand() == null ? AgeBand.UNKNOWN : AgeBand.fromCode(summary.ageBand()), summary.birthYear(),
                    summary.province(), null);
            fileStage = summary.stage();
        } else if (request.child() != null) {
            CentreCardRequest.NewChild entered = request.child();
            if (blank(entered.nationalId()) && blank(entered.civilStatusNumber()) && blank(entered.familyNameLatin())
                    && blank(entered.familyNameArabic())) {
                throw invalid("child", "name the child (family and given name, in Latin or Arabic script) or give an "
                        + "identity or civil-status number");
            }
            identity = new ChildProtected(trim(entered.familyNameLatin()), trim(entered.givenNameLatin()),
                    trim(entered.familyNameArabic()), trim(entered.givenNameArabic()), entered.birthDate(), List.of(),
                    null, null, trim(entered.nationalId()), trim(entered.civilStatusNumber()), null, null);
            Integer birthYear = entered.birthDate() != null ? Integer.valueOf(entered.birthDate().getYear()) : entered.birthYear();
            AgeBand band = entered.birthDate() != null ? AgeBand.of(entered.birthDate(), today)
                    : birthYear != null ? AgeBand.of(LocalDate.of(birthYear, 7, 1), today) : AgeBand.UNKNOWN;
            child = new ChildShared(null, blank(entered.sex()) ? Sex.UNKNOWN : Sex.fromCode(entered.sex()), band,
                    birthYear, trim(entered.province()), entered.disability());
        } else {
            throw invalid("childFileId", "say which child: childFileId for a child the centre knows, child for a new one");
        }
        int stage = request.stage() != null ? request.stage()
                : type == CardType.REPORTING ? 1 : fileStage != null ? fileStage : 2;
        EntryChannel channel = blank(request.entryChannel()) ? EntryChannel.CENTRE : EntryChannel.fromCode(request.entryChannel());
        Priority priority = blank(request.priority()) ? Priority.ROUTINE : Priority.fromCode(request.priority());
        List<Concern> concerns = request.concerns().stream().map(CentreCards::concern).toList();
        List<RequestedService> services = type == CardType.LINKAGE
                ? List.of(new RequestedService(blank(request.service()) ? USUAL_SERVICE.get(receiver) : request.service(),
                        Party.of(receiver), trim(request.reason()), request.dueBy()))
                : List.of();
        if (request.dueBy() != null && request.dueBy().isBefore(today)) {
            throw invalid("dueBy", "the due date " + request.dueBy() + " has passed already");
        }
        Header header = new Header(UUID.randomUUID(), type, ChildProtectionMessage.SCHEMA_VERSION, null, request.follows(),
                clock.instant(), request.dueBy(), priority, Party.of(SectorId.CENTRE), Party.of(receiver),
                PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST, Confidentiality.RESTRICTED);
        Status status = type == CardType.LINKAGE || blank(request.reason()) ? Status.requested()
                : new Status(org.rabt.mappings.cpm.TaskStatus.REQUESTED, null, trim(request.reason()));
        return new ChildProtectionMessage(header, child, identity, concerns, new Pathway(PathwayStage.of(stage), channel),
                services, null, List.of(), status);
    }

    private static Concern concern(CentreCardRequest.ConcernEntry entry) {
        return new Concern(ConcernCode.fromCode(required(entry.code(), "concerns.code")),
                blank(entry.certainty()) ? Certainty.SUSPECTED : Certainty.fromCode(entry.certainty()),
                blank(entry.setting()) ? null : Setting.fromCode(entry.setting()),
                blank(entry.riskLevel()) ? null : RiskLevel.fromCode(entry.riskLevel()),
                Boolean.TRUE.equals(entry.emergency()));
    }

    private static String required(String value, String field) {
        if (blank(value)) {
            throw MappingException.missing(field);
        }
        return value.trim();
    }

    private static CaseRecordException invalid(String field, String why) {
        return new CaseRecordException(CaseRecordProblem.INVALID_CARD_REQUEST, field, why);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }

    private static Map<SectorId, String> usualServices() {
        Map<SectorId, String> services = new EnumMap<>(SectorId.class);
        services.put(SectorId.HEALTH, "medical-care");
        services.put(SectorId.JUSTICE, "legal-protection");
        services.put(SectorId.EDUCATION, "school-reintegration");
        services.put(SectorId.LABOUR, "labour-withdrawal");
        services.put(SectorId.POLICE, "protection-measure");
        services.put(SectorId.GENDARMERIE, "protection-measure");
        services.put(SectorId.SOCIAL, "social-support");
        services.put(SectorId.FREELINE, "listening");
        return services;
    }
}
