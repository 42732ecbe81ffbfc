package org.rabt.config.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** The health examples shipped in {@code mappings}, as sector systems would send them. */
public final class HealthExamples {

    public static final String PROSECUTOR = "referral-to-prosecutor.json";
    public static final String SCHOOL = "referral-to-school.json";
    public static final String LABOUR = "referral-to-labour-inspection.json";
    public static final String MEDIA_TYPE = "application/fhir+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HealthExamples() {
    }

    public static String read(String name) {
        try (InputStream in = HealthExamples.class.getResourceAsStream("/health/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no health example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        return read(name).getBytes(StandardCharsets.UTF_8);
    }

    /** The card id of an example: its Bundle.identifier. */
    public static String cardId(String bundleJson) {
        String value = JSON.readTree(bundleJson).path("identifier").path("value").asString();
        if (!value.startsWith("urn:uuid:")) {
            throw new IllegalStateException("example without a urn:uuid Bundle.identifier");
        }
        return value.substring("urn:uuid:".length());
    }

    /** The same referral as a new card: a fresh Bundle.identifier. */
    public static String asNewCard(String bundleJson) {
        String id = cardId(bundleJson);
        return bundleJson.replace("urn:uuid:" + id, "urn:uuid:" + UUID.randomUUID());
    }
}
