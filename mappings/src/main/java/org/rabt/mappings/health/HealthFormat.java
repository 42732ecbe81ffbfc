package org.rabt.mappings.health;

import ca.uhn.fhir.context.FhirContext;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;

/**
 * The health sector's format, FHIR R4 JSON, both ways: the message Bundles of the profile in
 * {@code docs/sectors/health.md} for the cards health sends; a transaction Bundle that creates
 * the referral (Task, ServiceRequest, pseudonymous Patient) on the health system's FHIR server for
 * the cards health receives; and the referral's Task for status reports.
 *
 * <p>Thread-safe and reusable; build one per application with one shared R4 {@link FhirContext}.
 */
public final class HealthFormat implements SectorFormat {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private final FhirReferralMapper mapper;
    private final FhirReferralWriter writer;
    private final FhirTaskStatusReader statusReader;

    /** Strict parsing and the profile's checks, without HAPI's instance validator. */
    public HealthFormat(FhirContext r4) {
        this(r4, null);
    }

    /**
     * @param validator validates every card and status report health sends, and every Bundle the
     *                  hub writes for it, against base R4 (tens of milliseconds each); or {@code null}
     */
    public HealthFormat(FhirContext r4, FhirBundleValidator validator) {
        this.mapper = new FhirReferralMapper(r4, validator);
        this.writer = new FhirReferralWriter(r4, validator);
        this.statusReader = new FhirTaskStatusReader(r4, validator);
    }

    @Override
    public SectorId sector() {
        return SectorId.HEALTH;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    /** A message Bundle health sends, to the CPM ({@link FhirReferralMapper}). */
    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        return mapper.toCpm(body);
    }

    /**
     * The transaction Bundle the hub posts to the base URL of the health system's FHIR server
     * (UTF-8 JSON): the Task and ServiceRequest of the referral, the pseudonymous Patient created
     * only if the server has none with the hub's pseudonym, and the documents' metadata and the
     * consent. Minimised for health first.
     */
    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        return writer.transactionJson(cpm);
    }

    /**
     * The same card as a message Bundle of the profile (UTF-8 JSON), the shape health itself sends:
     * for a health system that takes cards as FHIR messages rather than on its server. Minimised
     * for health first.
     */
    public byte[] messageBundle(ChildProtectionMessage cpm) {
        return writer.messageJson(cpm);
    }

    /** Both Bundles and the transaction's Task, ServiceRequest and Patient, as HAPI resources. */
    public HealthReferral referral(ChildProtectionMessage cpm) {
        return writer.write(cpm);
    }

    /** A Task health updated, in CPM terms ({@link FhirTaskStatusReader}). */
    @Override
    public StatusReport readStatus(byte[] body) {
        return statusReader.read(body).report();
    }

    /**
     * The same report with the card it is about (the Task's {@code urn:uuid:} identifier, also in
     * the report, where the hub checks it against the card of the URL) and {@code Task.lastModified}.
     */
    public TaskStatusUpdate readStatusUpdate(byte[] body) {
        return statusReader.read(body);
    }
}
