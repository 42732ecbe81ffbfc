package org.rabt.config;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.config.support.HubTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --demo}: within a minute of the start, simulated sector systems have filled the hub through
 * its exchange port with cards about the same children from several sectors, referrals their
 * receivers answered, and referrals now overdue; and the cards reach simulated receiving systems.
 */
// as on the command line, seen before the context is built: the simulated receivers get their delivery URLs
@TestPropertySource(properties = "rabt.demo-sectors=true")
class DemoSectorsIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final Duration WITHIN_A_MINUTE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.demo-sectors", () -> true);
    }

    @Autowired
    private DataSource dataSource;

    @Autowired
    private CardStore cards;

    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void cardsFromThreeSectorsOrMoreMeetInOneChildsFile() {
        await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT child_pseudonym FROM card GROUP BY child_pseudonym
                HAVING COUNT(DISTINCT sender_sector) >= 3""").query(String.class).list()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void referralsAreAnsweredByTheirReceiversInTheirOwnWords() {
        await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT task_status FROM card
                WHERE card_type = 'linkage' AND receiver_sector <> 'centre' AND business_status IS NOT NULL""")
                .query(String.class).list()).contains("received", "accepted", "in-progress", "completed", "rejected"));
    }

    @Test
    void someReferralsAreOverdue() {
        LocalDate today = LocalDate.now(ZoneId.of("Africa/Casablanca"));

        await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> {
            List<UUID> open = jdbc.sql("SELECT id FROM card WHERE card_type = 'linkage' AND task_status <> 'completed'")
                    .query(UUID.class).list();
            assertThat(open.stream().map(this::dueBy).filter(due -> due != null && due.isBefore(today)))
                    .hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void cardsForSectorsWithoutADeliveryUrlReachTheirSimulatedSystems() {
        await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT DISTINCT receiver_sector FROM card WHERE delivery_status = 'delivered'")
                .query(String.class).list()).contains("justice", "social", "education", "police"));
    }

    @Test
    void theStaffApiListsTheChildrenWithAFileOfThreeSectorsAndItsReferralsStatuses() {
        await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> {
            JsonNode children = staff("social.worker", "/api/v1/children");
            assertThat(children.path("items").size()).isGreaterThanOrEqualTo(5);
            boolean found = false;
            for (JsonNode child : children.path("items")) {
                JsonNode file = staff("social.worker", "/api/v1/children/" + child.path("fileId").asString());
                Set<String> senders = new HashSet<>();
                file.path("timeline").forEach(entry -> senders.add(entry.path("sender").asString()));
                Set<String> statuses = new HashSet<>();
                file.path("referrals").forEach(referral -> statuses.add(referral.path("status").asString()));
                if (senders.size() >= 3 && !statuses.isEmpty() && !statuses.equals(Set.of("requested"))) {
                    found = true;
                }
            }
            assertThat(found).as("a file with cards from three sectors and answered referrals").isTrue();
        });
    }

    @Test
    void lateReferralsAreOnTheOverdueListAndTheNearDuplicateOnTheReviewList() {
        await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> {
            assertThat(staff("coordinator", "/api/v1/referrals?overdue=true").path("items").size()).isGreaterThanOrEqualTo(3);
            List<String> reasons = new java.util.ArrayList<>();
            staff("coordinator", "/api/v1/reviews").path("items")
                    .forEach(review -> review.path("reasons").forEach(reason -> reasons.add(reason.asString())));
            // "Yousef Amrani" (school, birth year only, no number) and Youssef Amrani (civil status 1432/2013)
            assertThat(reasons).contains("name-variant", "identifier-missing");
        });
    }

    @Test
    void theProvincialReportHasRowsByAgeSexAndFormOfViolenceAndWithholdsEveryCellBelowFive() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String period = today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
        await().atMost(WITHIN_A_MINUTE).untilAsserted(() -> {
            JsonNode children = staff("committee", "/api/v1/reports/provincial?period=" + period).path("children");
            assertThat(children.path("total").path("withheld").asBoolean()
                    || children.path("total").path("count").asLong() >= 5).isTrue();
            int rows = 0;
            for (String table : List.of("byAgeBand", "bySex", "byAgeBandAndSex", "byConcern", "byConcernAgeBandAndSex")) {
                for (JsonNode cell : children.path(table)) {
                    rows++;
                    if (!cell.path("withheld").asBoolean()) {
                        assertThat(cell.path("count").asLong()).as(table + " " + cell).isGreaterThanOrEqualTo(5);
                    }
                }
            }
            assertThat(rows).isPositive();
            // the demo's eight children in a dozen categories: small cells, all withheld
            assertThat(children.path("byConcernAgeBandAndSex").findValues("withheld"))
                    .anySatisfy(withheld -> assertThat(withheld.asBoolean()).isTrue());
        });
    }

    private JsonNode staff(String user, String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                staffRequest(user, path).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private LocalDate dueBy(UUID card) {
        JsonNode header = JsonMapper.builder().build()
                .readTree(cards.findDeliverable(card).orElseThrow().cpmJson()).path("header");
        return header.hasNonNull("dueBy") ? LocalDate.parse(header.get("dueBy").asString()) : null;
    }
}
