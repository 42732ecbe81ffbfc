package org.rabt.mappings.justice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;

/**
 * The classic attacks on an XML parser, against both documents justice sends (a linkage card and a
 * status report): each is refused with a coded error, nothing is expanded or fetched. The timeout
 * is a guard, not a measurement: an expanding parser would run out of memory or time long before.
 */
@Timeout(60)
class HostileXmlTest {

    private static final JusticeFormat FORMAT = new JusticeFormat();
    private static final String DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>";

    /** Ten levels of ten: a billion "lol"s, three gigabytes, if a parser expanded it. */
    static String billionLaughs(String root) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString();
    }

    static String withDoctype(String document, String doctype, String entityUse) {
        return document.replace(DECLARATION, DECLARATION + "\n" + doctype)
                .replaceFirst("(<[a-zA-Z]+ xmlns=\"[^\"]+\"[^>]*>)", "$1" + entityUse);
    }

    record Document(String name, String xml, String root, Function<byte[], Object> reader) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Document> documents() {
        return Stream.of(
                new Document("linkage card", new String(JusticeXml.resource(JusticeFormatInboundTest.TO_HEALTH), UTF_8),
                        "carteLiaison", FORMAT::toCpm),
                new Document("status report", new String(JusticeXml.resource(JusticeFormatInboundTest.NOT_THIS_COURT),
                        UTF_8), "statutCarte", FORMAT::readStatus));
    }

    static MappingException refusal(Document document, String xml) {
        return catchThrowableOfType(MappingException.class, () -> document.reader().apply(xml.getBytes(UTF_8)));
    }

    static Stream<Arguments> attacks() {
        return documents().flatMap(document -> Stream.of(
                Arguments.of(document, "billion laughs",
                        withDoctype(document.xml(), billionLaughs(document.root()), "&lol9;"), MappingError.UNPARSEABLE),
                Arguments.of(document, "external entity",
                        withDoctype(document.xml(), "<!DOCTYPE " + document.root()
                                + " [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;"), MappingError.UNPARSEABLE),
                Arguments.of(document, "external parameter entity",
                        withDoctype(document.xml(), "<!DOCTYPE " + document.root()
                                + " [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %p;]>", ""),
                        MappingError.UNPARSEABLE),
                Arguments.of(document, "external DTD",
                        withDoctype(document.xml(), "<!DOCTYPE " + document.root()
                                + " SYSTEM \"file:///etc/passwd\">", ""), MappingError.UNPARSEABLE),
                Arguments.of(document, "XInclude",
                        document.xml().replaceFirst("(<[a-zA-Z]+ xmlns=\"[^\"]+\"[^>]*>)",
                                "$1<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\""
                                        + " parse=\"text\"/>"), MappingError.SECTOR_SCHEMA_VIOLATION)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    void isRefusedWithACodeAndNothingIsReadFromOutside(Document document, String attack, String xml,
            MappingError expected) {
        MappingException e = refusal(document, xml);

        assertThat(e).as(attack).isNotNull();
        assertThat(e.error()).as(attack + ": " + e.detail()).isEqualTo(expected);
        assertThat(e.detail()).as("nothing of /etc/passwd").doesNotContain("root:");
    }

    @Nested
    class DeepNesting {

        @Test
        void aTenThousandDeepCardIsRefusedByTheSchemaAtItsFirstUnknownElement() {
            Document card = documents().findFirst().orElseThrow();
            String deep = card.xml().replaceFirst("(<carteLiaison [^>]*>)",
                    "$1" + "<x>".repeat(10_000) + "</x>".repeat(10_000));

            MappingException e = refusal(card, deep);

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/carteLiaison/x");
        }
    }
}
