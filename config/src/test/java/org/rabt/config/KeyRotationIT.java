package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.config.keys.KeysCli;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.security.atrest.DataKeys;
import org.rabt.security.atrest.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A key rotation on a running hub, as the operator does it: cards stored under key 1, {@code keys
 * rotate}, {@code keys reencrypt} while the hub keeps running (the tool shares the hub's embedded
 * database), then {@code keys retire 1}. The hub still reads every card, and takes new ones.
 */
class KeyRotationIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Autowired
    private CardStore cards;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
    }

    @Test
    void rotateReencryptAndRetireWhileTheHubRuns() throws IOException {
        SectorClient freeline = sector("freeline", DATA);
        Map<UUID, String> stored = new LinkedHashMap<>();
        for (String example : List.of("signalement-cellule-ecoute-meknes.json", "signalement-ligne-nationale-sale.json")) {
            UUID id = post(freeline, example);
            stored.put(id, cards.findDeliverable(id).orElseThrow().cpmJson());
        }
        assertThat(keysNamed()).containsOnly(1);

        assertThat(keys("rotate")).isZero();
        // the nodes list the keys again within a minute; the key file's age stands for that minute here
        Files.setLastModifiedTime(DATA.resolve("keys/data/2.key"),
                FileTime.from(Instant.now().minus(DataKeys.RETIRABLE_AFTER).minusSeconds(1)));
        assertThat(keys("reencrypt", "--batch", "1")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("the hub's embedded database");

        assertThat(keysNamed()).containsOnly(2);
        assertThat(keys("retire", "1")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(DATA.resolve("keys/data/1.key")).doesNotExist();

        stored.forEach((id, cpm) -> {
            assertThat(cards.findDeliverable(id).orElseThrow().cpmJson()).isEqualTo(cpm);
            assertThat(cards.evidenceBody(id)).isPresent();
        });
        UUID after = post(freeline, "signalement-cellule-ecoute-tanger-urgence.json");
        assertThat(cards.findDeliverable(after)).isPresent();
        assertThat(keysNamed()).containsOnly(2);
    }

    private int keys(String... args) {
        out.reset();
        err.reset();
        String[] command = new String[args.length + 3];
        command[0] = "keys";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--data-dir";
        command[args.length + 2] = DATA.toString();
        return KeysCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The keys the stored CPMs and evidence name, read from the raw column values. */
    private List<Integer> keysNamed() {
        List<Integer> named = new ArrayList<>();
        jdbc.sql("SELECT cpm FROM card").query(String.class).list()
                .forEach(cpm -> named.add(orClear(FieldCipher.keyOfText(cpm))));
        jdbc.sql("SELECT body FROM card_evidence").query(byte[].class).list()
                .forEach(body -> named.add(orClear(FieldCipher.keyOf(body))));
        return named;
    }

    private static int orClear(OptionalInt key) {
        return key.orElse(0);
    }

    private UUID post(SectorClient freeline, String example) throws IOException {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/freeline/examples/" + example)) {
            body = in.readAllBytes();
        }
        HttpResponse<String> answer = freeline.postCard(body, "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(answer.body()).path("cardId").asString());
    }
}
