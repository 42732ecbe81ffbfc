package org.rabt.config;

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

    private LocalDate dueBy(UUID card) {
        JsonNode header = JsonMapper.builder().build()
                .readTree(cards.findDeliverable(card).orElseThrow().cpmJson()).path("header");
        return header.hasNonNull("dueBy") ? LocalDate.parse(header.get("dueBy").asString()) : null;
    }
}
