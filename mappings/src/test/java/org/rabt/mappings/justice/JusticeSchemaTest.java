package org.rabt.mappings.justice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class JusticeSchemaTest {

    private final JusticeSchema schema = JusticeSchema.carteLiaison();

    @Nested
    class TheExampleOfTheDocumentation {

        private final byte[] example = JusticeXml.resource(JusticeFormatOutboundTest.EXAMPLE);

        @Test
        void conformsToTheXsd() {
            assertThat(schema.firstViolation(example)).isEmpty();
            assertThatCode(() -> JusticeXml.validate(example)).doesNotThrowAnyException();
        }

        @Test
        void stopsConformingWhenACodeIsNotFrench() {
            byte[] english = new String(example, UTF_8).replace("<priorite>urgente</priorite>",
                    "<priorite>urgent</priorite>").getBytes(UTF_8);

            assertThat(schema.firstViolation(english)).hasValueSatisfying(violation -> {
                assertThat(violation.path()).isEqualTo("/carteLiaison/entete/priorite");
                assertThat(violation.message()).startsWith("cvc-enumeration-valid");
                assertThat(violation.line()).isPositive();
            });
        }
    }

    @Nested
    class ExternalEntities {

        private static final String SECRET = "contenu-secret-du-fichier-local";

        @TempDir
        Path directory;

        private Path secretFile;

        @BeforeEach
        void writeALocalFileAnAttackerWouldLikeToRead() throws IOException {
            secretFile = Files.writeString(directory.resolve("secret.txt"), SECRET);
        }

        /**
         * The entity sits where its text would be valid (a free-text business status), so a
         * validator that resolved it would accept the document: only a refusal fails it.
         */
        private byte[] cardReferencingTheFile() {
            String valid = new String(JusticeXml.resource(JusticeFormatOutboundTest.EXAMPLE), UTF_8);
            return valid
                    .replace("<?xml version='1.0' encoding='UTF-8'?>",
                            "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE carteLiaison [\n"
                                    + "  <!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">\n]>")
                    .replace("<code>requested</code>", "<code>requested</code>\n    <statutMetier>&secret;</statutMetier>")
                    .getBytes(UTF_8);
        }

        @Test
        void theSameDocumentWithTheFileContentInlineWouldBeValid() {
            byte[] inline = new String(cardReferencingTheFile(), UTF_8)
                    .replaceAll("(?s)<!DOCTYPE.*?]>", "")
                    .replace("&secret;", SECRET)
                    .getBytes(UTF_8);

            assertThat(schema.firstViolation(inline)).isEmpty();
        }

        @Test
        void theMappersValidationRefusesTheDoctype() {
            Optional<JusticeSchema.Violation> violation = schema.firstViolation(cardReferencingTheFile());

            assertThat(violation).hasValueSatisfying(v -> {
                assertThat(v.message()).contains("DOCTYPE");
                assertThat(v.describe()).doesNotContain(SECRET);
            });
        }

        @Test
        void theSchemasValidatorRefusesToReadTheFile() {
            StreamSource source = new StreamSource(new ByteArrayInputStream(cardReferencingTheFile()));

            assertThatThrownBy(() -> schema.newValidator().validate(source))
                    .isInstanceOf(SAXException.class)
                    .hasMessageContaining("accessExternalDTD")
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Nested
    class MalformedInput {

        @Test
        void isAViolationNotACrash() {
            byte[] truncated = "<?xml version='1.0'?><carteLiaison xmlns=\"https://rabt.ma/ns/justice/carte-liaison/1\">"
                    .getBytes(UTF_8);

            assertThat(schema.firstViolation(truncated)).hasValueSatisfying(
                    violation -> assertThat(violation.path()).isEqualTo("/carteLiaison"));
        }

        @Test
        void anotherRootElementIsAViolationAtThatElement() {
            byte[] other = "<carte xmlns=\"https://rabt.ma/ns/justice/carte-liaison/1\"/>".getBytes(UTF_8);

            assertThat(schema.firstViolation(other)).hasValueSatisfying(violation -> {
                assertThat(violation.path()).isEqualTo("/carte");
                assertThat(violation.message()).startsWith("cvc-elt.1");
            });
        }
    }
}
