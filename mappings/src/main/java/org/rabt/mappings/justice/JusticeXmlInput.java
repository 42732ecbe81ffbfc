package org.rabt.mappings.justice;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Reading one kind of document that justice sends (a linkage card, a status report): strict
 * UTF-8, then the hardened parse and XSD validation of {@link JusticeSchema}, and only then
 * binding to the records. A document reaches the records only once the XSD has accepted it, so the
 * records never see an element, a code or a length the schema does not allow. Thread-safe.
 *
 * <p>Failures: {@link MappingError#UNPARSEABLE} (RABT-M001) when the body is not UTF-8 XML,
 * carries a DOCTYPE, or declares another encoding; {@link MappingError#SECTOR_SCHEMA_VIOLATION}
 * (RABT-M007) naming the element path when the XSD refuses it.
 */
final class JusticeXmlInput<T> {

    /** The encoding named in an XML declaration, if any. */
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^\\uFEFF?<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._\\-]+)[\"']");

    private final JusticeSchema schema;
    private final ObjectReader reader;
    private final String root;

    JusticeXmlInput(JusticeSchema schema, String namespace, Class<T> type, String root) {
        this.schema = schema;
        this.reader = CarteLiaisonWriter.xmlMapper(namespace).readerFor(type);
        this.root = root;
    }

    /**
     * The JDK's own StAX factory (not whichever one the class path offers), with the hardening of
     * {@link JusticeSchema}'s parser: no DTD, no external entity, nothing fetched. Jackson binds
     * through it only documents the hardened SAX parse has already accepted, so this is a second
     * wall, not the first.
     */
    static XMLInputFactory hardenedStax() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    T read(byte[] body) {
        requireUtf8(body);
        schema.firstViolation(body).ifPresent(violation -> {
            throw switch (violation.kind()) {
                case NOT_WELL_FORMED -> new MappingException(MappingError.UNPARSEABLE, null,
                        "the body is not well-formed XML: " + violation.describe());
                case INVALID -> new MappingException(MappingError.SECTOR_SCHEMA_VIOLATION, violation.path(),
                        violation.path() + ": " + violation.describe() + " [" + schema.resource() + "]");
            };
        });
        try {
            return reader.readValue(body);
        } catch (JacksonException e) {
            // The XSD accepted it, so this is a lexical form the XSD allows and the records do not
            // (e.g. a time with more than nine decimals): still the sender's document, still M007.
            String path = elementPath(root, e);
            String reason = e.getOriginalMessage().lines().findFirst().orElse("");
            throw new MappingException(MappingError.SECTOR_SCHEMA_VIOLATION, path,
                    path + ": the value cannot be read: " + reason, e);
        }
    }

    /**
     * The exchange API takes UTF-8 only (the signature covers the bytes, and a second encoding is
     * a second way to read them): bytes that are not UTF-8, or a declaration naming another
     * encoding, are refused before any parse.
     */
    private static void requireUtf8(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MappingException(MappingError.UNPARSEABLE, null, "the body is not UTF-8 text", e);
        }
        if (text.isBlank()) {
            throw new MappingException(MappingError.UNPARSEABLE, null, "the body is empty");
        }
        Matcher declared = DECLARED_ENCODING.matcher(text);
        if (declared.find() && !declared.group(1).toUpperCase(Locale.ROOT).equals("UTF-8")) {
            throw new MappingException(MappingError.UNPARSEABLE, null,
                    "the XML declaration names the encoding " + declared.group(1) + "; justice documents are UTF-8");
        }
    }

    /** Jackson's property path as an element path ({@code /carteLiaison/motifs/motif[2]/urgence}). */
    static String elementPath(String root, JacksonException e) {
        List<JacksonException.Reference> steps = List.of();
        for (Throwable cause = e; cause != null && steps.isEmpty(); cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                steps = jackson.getPath();
            }
        }
        StringBuilder path = new StringBuilder("/").append(root);
        for (JacksonException.Reference step : steps) {
            if (step.getPropertyName() != null) {
                path.append('/').append(step.getPropertyName());
            } else if (step.getIndex() > 0) {
                path.append('[').append(step.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }
}
