package org.rabt.mappings.social;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The social examples and fixtures of the class path, one format and one CPM schema shared by the
 * tests, and the edits the tests make to cards.
 */
final class SocialCards {

    static final String SHELTER = "fiche-accueil-urgence-tanger.json";
    static final String ENQUIRY = "fiche-enquete-sociale-meknes.json";
    static final List<String> CARDS = List.of(SHELTER, ENQUIRY);
    static final String TAKEN_ON = "statut-pris-en-charge.json";
    static final String FAMILY_UNREACHABLE = "statut-famille-injoignable.json";
    /** A pseudonym as the hub assigns it, for the CPM schema (which requires one). */
    static final String PSEUDONYM = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";

    static final SocialFormat FORMAT = new SocialFormat();
    static final CpmSchema CPM_SCHEMA = new CpmSchema();

    private SocialCards() {
    }

    /** An example of {@code src/main/resources/social/examples}. */
    static byte[] example(String name) {
        return resource("/social/examples/" + name);
    }

    static ObjectNode exampleTree(String name) {
        return (ObjectNode) SectorJson.mapper().readTree(example(name));
    }

    /** An example changed by {@code edit}: a broken variant stated where the test reads it. */
    static byte[] edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode tree = exampleTree(name);
        edit.accept(tree);
        return SectorJson.mapper().writeValueAsBytes(tree);
    }

    /** A fixture of {@code src/test/resources/social}. */
    static byte[] fixture(String name) {
        return resource("/social/" + name);
    }

    /** A card addressed to social services that carries everything the CPM can hold. */
    static ChildProtectionMessage everything() {
        return CpmJson.read(new String(fixture("cpm-carrying-everything.json"), StandardCharsets.UTF_8));
    }

    /** A social document read into the model, without the format's own checks. */
    static FicheLiaison model(byte[] document) {
        return SectorJson.mapper().readValue(document, FicheLiaison.class);
    }

    static JsonNode tree(byte[] document) {
        return SectorJson.mapper().readTree(document);
    }

    /** A schema of the class path as a tree, to read its enumerations. */
    static JsonNode schema(String resource) {
        return SectorJson.mapper().readTree(resource(resource));
    }

    /**
     * The card addressed to social services, for the way back: the receiver and the target of
     * every requested service become social (the rest of each party is kept), since minimisation
     * sends a sector only the services addressed to it.
     */
    static ChildProtectionMessage addressedToSocial(ChildProtectionMessage cpm) {
        Header h = cpm.header();
        Header header = new Header(h.messageId(), h.cardType(), h.schemaVersion(), h.caseReference(),
                h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), h.sender(), toSocial(h.receiver()),
                h.purposeOfUse(), h.legalBasis(), h.confidentiality());
        List<RequestedService> services = cpm.requestedServices().stream()
                .map(s -> new RequestedService(s.serviceCode(), toSocial(s.target()), s.reason(), s.dueDate()))
                .toList();
        return new ChildProtectionMessage(header, cpm.child(), cpm.childProtected(), cpm.concerns(), cpm.pathway(),
                services, cpm.consent(), cpm.attachments(), cpm.status());
    }

    private static Party toSocial(Party party) {
        return new Party(SectorId.SOCIAL, party.organisation(), party.service(), party.provinceCode());
    }

    /**
     * The card with one value replaced, addressed by its JSON pointer in the CPM's JSON form
     * ({@code /header/priority}, {@code /concerns/2/setting}).
     */
    static ChildProtectionMessage with(ChildProtectionMessage cpm, String pointer, Object value) {
        JsonNode tree = SectorJson.mapper().readTree(CpmJson.write(cpm));
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = tree.at(path.head());
        JsonNode node = SectorJson.mapper().valueToTree(value);
        if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), node);
        } else {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), node);
        }
        return CpmJson.read(SectorJson.mapper().writeValueAsString(tree));
    }

    private static byte[] resource(String path) {
        try (InputStream in = SocialCards.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
