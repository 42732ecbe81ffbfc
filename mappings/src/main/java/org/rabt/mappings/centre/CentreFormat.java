package org.rabt.mappings.centre;

import java.nio.charset.StandardCharsets;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.SectorId;

/**
 * The centre's own format is the shared message itself (CPM JSON): the staff API builds it from
 * what a worker entered and the hub signs it, so that a card the centre sends goes through the
 * same intake (signature, pseudonym, schema, storage, queue) as any sector's. Cards addressed to
 * the centre are not written out: they land in the case record.
 */
public final class CentreFormat implements SectorFormat {

    public static final String MEDIA_TYPE = "application/json";

    @Override
    public SectorId sector() {
        return SectorId.CENTRE;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        return CpmJson.read(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        return CpmJson.writeBytes(cpm);
    }

    @Override
    public StatusReport readStatus(byte[] body) {
        throw MappingException.invalid("status", "the centre records the status of the cards it receives in its case record");
    }
}
