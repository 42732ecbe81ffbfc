package org.rabt.mappings.justice;

import java.util.Objects;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * The justice sector's format, both ways: the linkage card {@code carteLiaison}
 * ({@code justice/carte-liaison-v1.xsd}) that the hub sends to courts and the prosecutor's office
 * and that the prosecutor and the juvenile judges send in (orders, requests for a social enquiry
 * or a forensic examination, placements), and the status report {@code statutCarte}
 * ({@code justice/statut-carte-v1.xsd}) in the prosecutor's words. Every inbound document is
 * parsed with DTDs, external entities and XInclude refused, and validated against its XSD before
 * a value is read. Thread-safe: build one and share it. See {@code docs/sectors/justice.md}.
 */
public final class JusticeFormat implements SectorFormat {

    public static final String MEDIA_TYPE = "application/xml";

    private static final String STATUS_ROOT = "/statutCarte";

    private final CarteLiaisonWriter writer = new CarteLiaisonWriter();
    private final CarteLiaisonReader reader = new CarteLiaisonReader();
    private final JusticeXmlInput<StatutCarte> statuses = new JusticeXmlInput<>(JusticeSchema.statutCarte(),
            StatutCarte.NAMESPACE, StatutCarte.class, "statutCarte");

    @Override
    public SectorId sector() {
        return SectorId.JUSTICE;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    /**
     * A card justice sends: RABT-M001 if the body is not UTF-8 XML (or has a DOCTYPE), RABT-M007
     * naming the element path if the XSD refuses it, RABT-M004 if it names a sender other than
     * justice or a birth year that is not its date of birth's.
     */
    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        Objects.requireNonNull(body, "body");
        return reader.read(body);
    }

    /** The card as justice may see it ({@link Minimisation}), as a {@code carteLiaison}. */
    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        ChildProtectionMessage minimised = Minimisation.forReceiver(sector(), cpm);
        return writer.write(minimised);
    }

    /**
     * A {@code statutCarte}. A refusal ({@code incompetence}, {@code irrecevable}) must say why in
     * {@code observations} (RABT-M003 otherwise): the centre has to find the right court or
     * complete the card, and cannot without the reason.
     */
    @Override
    public StatusReport readStatus(byte[] body) {
        Objects.requireNonNull(body, "body");
        StatutCarte statut = statuses.read(body);
        StatutJustice word = StatutJustice.of(statut.statut());
        TaskStatus status = word.taskStatus();
        if (status == TaskStatus.REJECTED && statut.observations() == null) {
            String field = STATUS_ROOT + "/observations";
            throw new MappingException(MappingError.MISSING_ELEMENT, field, field + " is required when statut is '"
                    + word.code() + "': say why the card is refused");
        }
        return new StatusReport(statut.identifiantCarte(), status, word.code(), statut.observations());
    }
}
