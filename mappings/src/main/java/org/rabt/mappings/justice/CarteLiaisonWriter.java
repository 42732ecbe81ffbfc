package org.rabt.mappings.justice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.justice.CarteLiaison.Adresse;
import org.rabt.mappings.justice.CarteLiaison.Consentement;
import org.rabt.mappings.justice.CarteLiaison.Enfant;
import org.rabt.mappings.justice.CarteLiaison.Entete;
import org.rabt.mappings.justice.CarteLiaison.Identite;
import org.rabt.mappings.justice.CarteLiaison.Motif;
import org.rabt.mappings.justice.CarteLiaison.Motifs;
import org.rabt.mappings.justice.CarteLiaison.Parcours;
import org.rabt.mappings.justice.CarteLiaison.Partie;
import org.rabt.mappings.justice.CarteLiaison.PieceJointe;
import org.rabt.mappings.justice.CarteLiaison.PiecesJointes;
import org.rabt.mappings.justice.CarteLiaison.RepresentantLegal;
import org.rabt.mappings.justice.CarteLiaison.RepresentantsLegaux;
import org.rabt.mappings.justice.CarteLiaison.Secteurs;
import org.rabt.mappings.justice.CarteLiaison.ServiceDemande;
import org.rabt.mappings.justice.CarteLiaison.ServicesDemandes;
import org.rabt.mappings.justice.CarteLiaison.Statut;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * Writes a CPM as the justice sector's linkage card: UTF-8 XML in the namespace
 * {@value CarteLiaison#NAMESPACE}, French element names, checked against
 * {@code justice/carte-liaison-v1.xsd} before it leaves. It writes what it is given: minimising
 * the CPM for justice is {@link JusticeFormat#fromCpm}'s first step. It never writes the school
 * code, which the card has no element for. Thread-safe: build one and share it.
 *
 * <p>Written with Jackson 3's XmlMapper over the {@link CarteLiaison} records rather than with a
 * hand-driven XMLStreamWriter: the records mirror the XSD and {@link CarteLiaisonReader} reads
 * them back with the same configuration. The only thing Jackson needed for clean output was told
 * once — {@link DefaultNamespace} puts every element in the card's namespace, so Woodstox declares
 * it once on the root as the default namespace (no {@code wstxns1:} prefixes, no {@code xmlns=""}).
 */
final class CarteLiaisonWriter {

    private final ObjectWriter writer;
    private final JusticeSchema schema;

    CarteLiaisonWriter() {
        this.writer = xmlMapper(CarteLiaison.NAMESPACE).writerWithDefaultPrettyPrinter();
        this.schema = JusticeSchema.carteLiaison();
    }

    /**
     * The Jackson configuration of the justice documents, shared by both directions.
     *
     * @param namespace the namespace every element is written in (reading ignores namespaces:
     *                  the XSD has already checked them)
     */
    static XmlMapper xmlMapper(String namespace) {
        return XmlMapper.builder(XmlFactory.builder().xmlInputFactory(JusticeXmlInput.hardenedStax()).build())
                .annotationIntrospector(new DefaultNamespace(namespace))
                .defaultUseWrapper(false)
                .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
                // Element order is the XSD's sequence, which is the records' component order.
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // Absent CPM values give absent elements, never empty ones.
                .changeDefaultPropertyInclusion(include -> JsonInclude.Value.construct(
                        JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
                .build();
    }

    /**
     * The card for {@code cpm}, as it is.
     *
     * @throws MappingException {@link MappingError#OUTBOUND_SCHEMA_VIOLATION} naming the element
     *                          path, with {@code line:column message}, when the document would
     *                          not conform to the XSD: the CPM held something the card cannot carry
     */
    byte[] write(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        byte[] document = write(carte(cpm));
        schema.firstViolation(document).ifPresent(violation -> {
            throw new MappingException(MappingError.OUTBOUND_SCHEMA_VIOLATION, violation.path(),
                    violation.describe());
        });
        return document;
    }

    private byte[] write(CarteLiaison carte) {
        try {
            return writer.writeValueAsBytes(carte);
        } catch (JacksonException e) {
            // e.g. a control character that XML 1.0 cannot carry: the card cannot be made at all.
            String reason = e.getOriginalMessage().lines().findFirst().orElse("");
            throw new MappingException(MappingError.OUTBOUND_SCHEMA_VIOLATION,
                    JusticeXmlInput.elementPath("carteLiaison", e),
                    "the card cannot be written as XML: " + reason, e);
        }
    }

    /** The CPM as the justice model, before serialisation. */
    static CarteLiaison carte(ChildProtectionMessage cpm) {
        return new CarteLiaison(
                CarteLiaison.VERSION,
                entete(cpm.header()),
                enfant(cpm.child(), cpm.childProtected()),
                motifs(cpm.concerns()),
                parcours(cpm.pathway()),
                servicesDemandes(cpm.requestedServices()),
                consentement(cpm.consent()),
                piecesJointes(cpm.attachments()),
                statut(cpm.status()));
    }

    private static Entete entete(Header header) {
        if (header == null) {
            return null;
        }
        return new Entete(
                header.messageId(),
                code(header.cardType(), FrenchCodes::typeCarte),
                text(header.caseReference()),
                header.correlationId(),
                header.sentAt(),
                header.dueBy(),
                code(header.priority(), FrenchCodes::priorite),
                partie(header.sender()),
                partie(header.receiver()),
                code(header.purposeOfUse(), FrenchCodes::finalite),
                code(header.legalBasis(), FrenchCodes::baseLegale),
                code(header.confidentiality(), FrenchCodes::confidentialite));
    }

    private static Partie partie(Party party) {
        if (party == null) {
            return null;
        }
        return new Partie(code(party.sector(), FrenchCodes::secteur), text(party.organisation()),
                text(party.service()), text(party.provinceCode()));
    }

    private static Enfant enfant(ChildShared child, ChildProtected identity) {
        if (child == null) {
            return null;
        }
        return new Enfant(
                text(child.pseudonym()),
                code(child.sex(), FrenchCodes::sexe),
                code(child.ageBand(), FrenchCodes::trancheAge),
                child.birthYear(),
                text(child.province()),
                child.disability(),
                identite(identity));
    }

    /**
     * The protected identity: justice needs it to open or find the child's judicial file. The
     * school code is left out on purpose; a court has no use for it.
     */
    private static Identite identite(ChildProtected identity) {
        if (identity == null) {
            return null;
        }
        Identite identite = new Identite(
                text(identity.familyNameLatin()),
                text(identity.givenNameLatin()),
                text(identity.familyNameArabic()),
                text(identity.givenNameArabic()),
                identity.birthDate(),
                text(identity.nationalId()),
                text(identity.civilStatusNumber()),
                text(identity.courtFileNumber()),
                adresse(identity.address()),
                text(identity.phone()),
                representantsLegaux(identity.guardians()));
        return nothingIn(identite) ? null : identite;
    }

    private static Adresse adresse(Address address) {
        if (address == null) {
            return null;
        }
        Adresse adresse = new Adresse(text(address.line()), text(address.city()), text(address.province()));
        return nothingIn(adresse) ? null : adresse;
    }

    private static RepresentantsLegaux representantsLegaux(List<Guardian> guardians) {
        if (guardians.isEmpty()) {
            return null;
        }
        return new RepresentantsLegaux(guardians.stream()
                .map(guardian -> new RepresentantLegal(text(guardian.relationship()), text(guardian.name()),
                        text(guardian.phone())))
                .toList());
    }

    private static Motifs motifs(List<Concern> concerns) {
        if (concerns.isEmpty()) {
            return null;
        }
        return new Motifs(concerns.stream().map(CarteLiaisonWriter::motif).toList());
    }

    private static Motif motif(Concern concern) {
        return new Motif(
                code(concern.code(), FrenchCodes::motif),
                concern.code() == null ? null : concern.code().french(),
                code(concern.certainty(), FrenchCodes::certitude),
                code(concern.setting(), FrenchCodes::cadre),
                code(concern.riskLevel(), FrenchCodes::niveauRisque),
                concern.emergency());
    }

    private static Parcours parcours(Pathway pathway) {
        if (pathway == null) {
            return null;
        }
        return new Parcours(code(pathway.stage(), PathwayStage::number),
                code(pathway.entryChannel(), FrenchCodes::canalEntree));
    }

    private static ServicesDemandes servicesDemandes(List<RequestedService> services) {
        if (services.isEmpty()) {
            return null;
        }
        return new ServicesDemandes(services.stream().map(CarteLiaisonWriter::serviceDemande).toList());
    }

    private static ServiceDemande serviceDemande(RequestedService service) {
        Party target = service.target() == null ? new Party(null, null, null, null) : service.target();
        return new ServiceDemande(
                text(service.serviceCode()),
                code(target.sector(), FrenchCodes::secteur),
                text(target.organisation()),
                text(target.service()),
                text(target.provinceCode()),
                text(service.reason()),
                service.dueDate());
    }

    private static Consentement consentement(Consent consent) {
        if (consent == null) {
            return null;
        }
        Secteurs secteurs = consent.sectors().isEmpty() ? null
                : new Secteurs(consent.sectors().stream().map(FrenchCodes::secteur).toList());
        return new Consentement(text(FrenchCodes.donnePar(consent.givenBy())), consent.givenAt(), secteurs,
                consent.revokedAt());
    }

    private static PiecesJointes piecesJointes(List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return null;
        }
        return new PiecesJointes(attachments.stream()
                .map(attachment -> new PieceJointe(
                        code(attachment.type(), FrenchCodes::typePieceJointe),
                        text(attachment.title()),
                        text(attachment.mediaType()),
                        attachment.size(),
                        text(attachment.sha256())))
                .toList());
    }

    private static Statut statut(Status status) {
        if (status == null) {
            return null;
        }
        return new Statut(code(status.status(), JusticeCodes::statut), text(status.businessStatus()),
                text(status.outcome()));
    }

    /** A code through its table; an absent value stays absent (the XSD then says if it was required). */
    private static <E, R> R code(E value, Function<E, R> table) {
        return value == null ? null : table.apply(value);
    }

    /** An empty string would give an empty element: treat it as absent. */
    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** True when a block has no content at all, so that it is left out rather than written empty. */
    private static boolean nothingIn(Record block) {
        for (var component : block.getClass().getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(block) != null) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    /**
     * Puts every element of the document in the document's namespace (attributes stay unqualified, as
     * the XSD's attributeFormDefault says) so that no record component needs its own annotation.
     */
    private static final class DefaultNamespace extends JacksonXmlAnnotationIntrospector {

        private final String namespace;

        DefaultNamespace(String namespace) {
            super(false);
            this.namespace = namespace;
        }

        @Override
        public String findNamespace(MapperConfig<?> config, Annotated annotated) {
            String declared = super.findNamespace(config, annotated);
            if (declared != null && !declared.isEmpty()) {
                return declared;
            }
            return Boolean.TRUE.equals(isOutputAsAttribute(config, annotated)) ? null : namespace;
        }
    }
}
