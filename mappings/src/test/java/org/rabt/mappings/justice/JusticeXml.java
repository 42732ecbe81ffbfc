package org.rabt.mappings.justice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;
import org.xmlunit.xpath.XPathEngine;

/**
 * Reads justice documents in tests: XPath with the prefix {@code c} bound to the card's namespace,
 * and validation against the XSD with a schema compiled here, independently of the mapper's own.
 */
final class JusticeXml {

    static final String NS = "https://rabt.ma/ns/justice/carte-liaison/1";
    static final String XSD = "/justice/carte-liaison-v1.xsd";

    private static final XPathEngine XPATH = xpathEngine(Map.of("c", NS));
    private static final Schema SCHEMA = compileXsd();

    private JusticeXml() {
    }

    /** The string value of {@code expression} ({@code c:} is the card's namespace). */
    static String xpath(byte[] document, String expression) {
        return XPATH.evaluate(expression, source(document));
    }

    static int count(byte[] document, String expression) {
        return Integer.parseInt(XPATH.evaluate("count(" + expression + ")", source(document)));
    }

    /** Validates with a validator made here, so a mapper that skipped its own check is caught. */
    static void validate(byte[] document) throws SAXException, IOException {
        Validator validator = SCHEMA.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    /** The values of the enumeration facets of the named simple type of the XSD. */
    static List<String> enumeration(String simpleType) {
        return enumeration(XSD, simpleType);
    }

    /** The values of the enumeration facets of the named simple type of another justice XSD. */
    static List<String> enumeration(String xsdResource, String simpleType) {
        XPathEngine xsd = xpathEngine(Map.of("xs", XMLConstants.W3C_XML_SCHEMA_NS_URI));
        List<String> values = new ArrayList<>();
        for (Node value : xsd.selectNodes("/xs:schema/xs:simpleType[@name='" + simpleType
                + "']/xs:restriction/xs:enumeration/@value", Input.fromURL(JusticeXml.class.getResource(xsdResource)).build())) {
            values.add(value.getNodeValue());
        }
        return values;
    }

    static byte[] resource(String path) {
        try (InputStream in = JusticeXml.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source source(byte[] document) {
        return Input.fromByteArray(document).build();
    }

    private static XPathEngine xpathEngine(Map<String, String> prefixes) {
        JAXPXPathEngine engine = new JAXPXPathEngine();
        engine.setNamespaceContext(prefixes);
        return engine;
    }

    private static URL xsdUrl() {
        return JusticeXml.class.getResource(XSD);
    }

    private static Schema compileXsd() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsdUrl());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
