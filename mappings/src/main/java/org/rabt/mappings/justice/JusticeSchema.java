package org.rabt.mappings.justice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * One compiled justice XSD ({@code justice/carte-liaison-v1.xsd}, {@code justice/statut-carte-v1.xsd}),
 * and validation that says where a document breaks it (element path, line and column) and whether
 * it is XML at all. Thread-safe: the {@link Schema} is immutable and a validator is made per
 * document.
 *
 * <p>Hardened because the same schemas check the documents that courts send in: no DTD, no
 * external entity, no external schema, no XInclude, secure processing on.
 */
final class JusticeSchema {

    /** The linkage card, both directions. */
    static final String CARTE_LIAISON = "/justice/carte-liaison-v1.xsd";
    /** The status report justice sends about a card it received. */
    static final String STATUT_CARTE = "/justice/statut-carte-v1.xsd";

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private final String resource;
    private final Schema schema;
    private final SAXParserFactory parsers;
    /**
     * Each thread keeps its parser and validator: making them costs more than validating a card
     * (measured: about half the validation time). Both are reused only after a clean document.
     */
    private final ThreadLocal<Pipeline> pipelines = new ThreadLocal<>();

    /** @param resource class-path location of the XSD, {@link #CARTE_LIAISON} or {@link #STATUT_CARTE} */
    JusticeSchema(String resource) {
        this.resource = resource;
        this.schema = loadSchema(resource);
        this.parsers = secureParsers();
    }

    static JusticeSchema carteLiaison() {
        return new JusticeSchema(CARTE_LIAISON);
    }

    static JusticeSchema statutCarte() {
        return new JusticeSchema(STATUT_CARTE);
    }

    /** The XSD's class-path location, for messages. */
    String resource() {
        return resource;
    }

    private record Pipeline(XMLReader reader, ValidatorHandler validator) {
    }

    /** Whether the document is not XML at all, or XML that breaks the schema. */
    enum Kind {
        /** The parser refused it: not well-formed, not UTF-8 as declared, or a DOCTYPE. */
        NOT_WELL_FORMED,
        /** Well-formed so far, but the XSD refuses it. */
        INVALID
    }

    /** A place in a document where it breaks the schema. */
    record Violation(Kind kind, String path, int line, int column, String message) {

        /** {@code line:column message}, the detail of the coded error. */
        String describe() {
            return line + ":" + column + " " + message;
        }
    }

    /** The first place where {@code document} breaks the schema, or empty when it conforms. */
    Optional<Violation> firstViolation(byte[] document) {
        Pipeline pipeline = pipelines.get();
        pipelines.remove();
        try {
            if (pipeline == null) {
                pipeline = new Pipeline(newReader(), schema.newValidatorHandler());
            }
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK SAX parser cannot be created", e);
        }
        ValidatorHandler validator = pipeline.validator();
        ElementPath path = new ElementPath(validator);
        FirstError errors = new FirstError(path);
        // Two handlers over one record of the first error: what the parser reports means the
        // bytes are not XML (RABT-M001 inbound), what the validator reports means the XSD refuses it.
        validator.setErrorHandler(errors.handler(Kind.INVALID));
        try {
            XMLReader reader = pipeline.reader();
            reader.setContentHandler(path);
            reader.setErrorHandler(errors.handler(Kind.NOT_WELL_FORMED));
            reader.parse(new InputSource(new ByteArrayInputStream(document)));
            if (errors.first == null) {
                pipelines.set(pipeline);
            }
        } catch (SAXParseException e) {
            // Thrown by a handler to stop at the first violation (already recorded), or by the
            // parser without calling its handler: then the bytes are not XML.
            errors.record(e, Kind.NOT_WELL_FORMED);
        } catch (SAXException e) {
            return Optional.of(new Violation(errors.first == null ? Kind.INVALID : errors.first.kind(), path.current(),
                    -1, -1, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(errors.first);
    }

    /**
     * A validator of this schema that may not fetch anything: for callers holding a
     * {@link javax.xml.transform.Source} rather than bytes.
     */
    Validator newValidator() {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK validator refuses the JAXP access properties", e);
        }
        return validator;
    }

    private static Schema loadSchema(String resource) {
        URL xsd = JusticeSchema.class.getResource(resource);
        if (xsd == null) {
            throw new IllegalStateException("justice XSD missing from the class path: " + resource);
        }
        // The JDK's own factory, whatever else sits on the class path: its security properties are known.
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try (InputStream in = xsd.openStream()) {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, xsd.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("justice XSD does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SAXParserFactory secureParsers() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK SAX parser refuses a hardening feature", e);
        }
        return factory;
    }

    private XMLReader newReader() throws SAXException {
        try {
            // SAXParserFactory is not documented as thread-safe; making a parser is cheap.
            synchronized (parsers) {
                return parsers.newSAXParser().getXMLReader();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Passes SAX events on to the validator while keeping the path of the current element, so a
     * violation can name the element ({@code /carteLiaison/motifs/motif[2]/cadre}) and not only
     * a line. Elements are pushed before the validator sees their start and popped after it saw
     * their end, so the path is right for errors raised at either.
     */
    private static final class ElementPath extends XMLFilterImpl {

        private final Deque<String> names = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> siblings = new ArrayDeque<>();

        ElementPath(ValidatorHandler validator) {
            setContentHandler(validator);
            siblings.push(new HashMap<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            int position = siblings.peek().merge(localName, 1, Integer::sum);
            names.addLast(position == 1 ? localName : localName + "[" + position + "]");
            siblings.push(new HashMap<>());
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            siblings.pop();
            names.removeLast();
        }

        /** The current element's path, or {@code null} outside the root element. */
        String current() {
            return names.isEmpty() ? null : "/" + String.join("/", names);
        }
    }

    /** Keeps the first error with the path where it happened, and stops the parse there. */
    private static final class FirstError {

        private final ElementPath path;
        private Violation first;

        FirstError(ElementPath path) {
            this.path = path;
        }

        void record(SAXParseException e, Kind kind) {
            if (first == null) {
                first = new Violation(kind, path.current(), e.getLineNumber(), e.getColumnNumber(), e.getMessage());
            }
        }

        /** The handler for one source of errors (the parser or the validator). */
        ErrorHandler handler(Kind kind) {
            return new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // Warnings do not make a document invalid.
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    record(e, kind);
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    record(e, kind);
                    throw e;
                }
            };
        }
    }
}
