package org.rabt.mappings.cpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.health.HealthExamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CpmJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the schema lists each coded enum's codes (the schema was generated from these enums). */
    private static final Map<String, Class<? extends Coded>> SCHEMA_ENUMS = new LinkedHashMap<>();

    static {
        SCHEMA_ENUMS.put("/properties/header/properties/cardType/enum", CardType.class);
        SCHEMA_ENUMS.put("/properties/header/properties/priority/enum", Priority.class);
        SCHEMA_ENUMS.put("/properties/header/properties/purposeOfUse/enum", PurposeOfUse.class);
        SCHEMA_ENUMS.put("/properties/header/properties/legalBasis/enum", LegalBasis.class);
        SCHEMA_ENUMS.put("/properties/header/properties/confidentiality/enum", Confidentiality.class);
        SCHEMA_ENUMS.put("/properties/child/properties/sex/enum", Sex.class);
        SCHEMA_ENUMS.put("/properties/child/properties/ageBand/enum", AgeBand.class);
        SCHEMA_ENUMS.put("/properties/concerns/items/properties/code/enum", ConcernCode.class);
        SCHEMA_ENUMS.put("/properties/concerns/items/properties/certainty/enum", Certainty.class);
        SCHEMA_ENUMS.put("/properties/concerns/items/properties/setting/enum", Setting.class);
        SCHEMA_ENUMS.put("/properties/concerns/items/properties/riskLevel/enum", RiskLevel.class);
        SCHEMA_ENUMS.put("/properties/pathway/properties/entryChannel/enum", EntryChannel.class);
        SCHEMA_ENUMS.put("/properties/attachments/items/properties/type/enum", AttachmentType.class);
        SCHEMA_ENUMS.put("/properties/status/properties/status/enum", TaskStatus.class);
        SCHEMA_ENUMS.put("/$defs/sector/enum", SectorId.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {HealthExamples.PROSECUTOR, HealthExamples.SCHOOL, HealthExamples.LABOUR_INSPECTION})
    void aMappedExampleRoundTripsToAnEqualRecord(String example) {
        ChildProtectionMessage mapped = HealthExamples.mapper().toCpm(HealthExamples.example(example))
                .withPseudonym("AAAAAAAAAAAAAAAAAAAA");

        ChildProtectionMessage read = CpmJson.read(CpmJson.write(mapped));

        assertThat(read).isEqualTo(mapped);
    }

    @Test
    void datesAndTimesAreIsoStrings() {
        JsonNode prosecutor = JSON.readTree(CpmJson.write(
                HealthExamples.mapper().toCpm(HealthExamples.example(HealthExamples.PROSECUTOR))));
        JsonNode school = JSON.readTree(CpmJson.write(
                HealthExamples.mapper().toCpm(HealthExamples.example(HealthExamples.SCHOOL))));

        assertThat(prosecutor.at("/header/sentAt").isString()).isTrue();
        assertThat(prosecutor.at("/header/sentAt").asString()).isEqualTo("2026-11-16T20:47:12Z");
        assertThat(prosecutor.at("/header/dueBy").asString()).isEqualTo("2026-11-18");
        assertThat(prosecutor.at("/childProtected/birthDate").asString()).isEqualTo("2014-06-03");
        assertThat(prosecutor.at("/requestedServices/0/dueDate").asString()).isEqualTo("2026-11-18");
        assertThat(school.at("/consent/givenAt").asString()).isEqualTo("2026-11-19T08:40:00Z");
    }

    @Test
    void eachSchemaEnumListsExactlyTheCodesOfItsJavaEnum() throws IOException {
        JsonNode schema = schema();

        SCHEMA_ENUMS.forEach((pointer, type) -> {
            List<String> inSchema = new ArrayList<>();
            schema.at(pointer).forEach(code -> inSchema.add(code.asString()));
            List<String> inJava = Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
            assertThat(inSchema).as(pointer + " vs " + type.getSimpleName()).containsExactlyElementsOf(inJava);
        });
    }

    @Test
    void everyEnumOfTheSchemaIsComparedWithAJavaEnum() throws IOException {
        List<String> pointers = new ArrayList<>();
        collectEnums(schema(), "", pointers);

        assertThat(new TreeSet<>(pointers)).isEqualTo(new TreeSet<>(SCHEMA_ENUMS.keySet()));
    }

    @Test
    void pathwayStageBoundsAreTheNumbersOfTheStages() throws IOException {
        JsonNode stage = schema().at("/properties/pathway/properties/stage");
        int[] numbers = Arrays.stream(PathwayStage.values()).mapToInt(PathwayStage::number).toArray();

        assertThat(stage.get("minimum").asInt()).isEqualTo(numbers[0]);
        assertThat(stage.get("maximum").asInt()).isEqualTo(numbers[numbers.length - 1]);
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6);
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = CpmJsonTest.class.getResourceAsStream(CpmSchema.RESOURCE)) {
            return JSON.readTree(in);
        }
    }

    private static void collectEnums(JsonNode node, String pointer, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                if (member.getKey().equals("enum")) {
                    found.add(child);
                } else {
                    collectEnums(member.getValue(), child, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectEnums(node.get(i), pointer + "/" + i, found);
            }
        }
    }
}
