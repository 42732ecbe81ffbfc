package org.rabt.mappings.json;

import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * The limits on every JSON document a sector sends (cards and status reports, JSON sectors and
 * health's FHIR alike), enforced by Jackson's own {@link StreamReadConstraints} while it reads, so a
 * hostile document is refused before it is built: a 10,000-deep nesting costs the hub 64 levels.
 * The body limit ({@code rabt.exchange.max-body-bytes}) bounds the whole; these bound its shape.
 */
public final class JsonLimits {

    /** No card comes near: a FHIR Bundle with extensions nests about 12 deep. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** One million characters: room for a small inline FHIR attachment (about 750 KB of base64). */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Digits of one number: no field is a number that long; parsing a huge one costs quadratic time. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** A member name is a word of the format, never a text. */
    public static final int MAX_NAME_LENGTH = 1_000;

    /** The constraints above, for every parser that reads a sector's JSON. */
    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    private JsonLimits() {
    }

    /** A JSON factory whose parsers enforce {@link #CONSTRAINTS}. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }

    /**
     * The coded refusal of a document past a limit. Jackson's sentence names the limit and the
     * size reached, never the content, so it may reach the sender and the log.
     */
    public static MappingException exceeded(StreamConstraintsException e) {
        return new MappingException(MappingError.LIMIT_EXCEEDED, null,
                "the document is beyond the hub's limits: " + e.getOriginalMessage(), e);
    }
}
