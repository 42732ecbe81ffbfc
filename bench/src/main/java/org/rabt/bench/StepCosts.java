package org.rabt.bench;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.health.FhirReferralMapper;
import org.rabt.mappings.justice.JusticeFormat;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.pki.HubPki;
import org.rabt.security.signature.DetachedSignatureVerifier;
import org.rabt.security.signature.DetachedSigner;

/**
 * {@code java -jar rabt-bench.jar steps}: the CPU cost of each step a card goes through, one
 * thread, after warm-up, in microseconds per card. Tells where the pipeline's time goes without a
 * profiler's sampling bias.
 */
final class StepCosts {

    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 3_000;

    private StepCosts() {
    }

    static void run() throws Exception {
        Path pki = Files.createTempDirectory("rabt-steps-");
        HubPki hub = HubPki.loadOrCreate(pki, List.of("health", "justice"), List.of());
        CardDeck deck = CardDeck.prepare(pki, WARM_UP + MEASURED + 10);
        KeyMaterial health = hub.sectorKeyMaterial("health").orElseThrow();
        DetachedSigner hubSigner = new DetachedSigner(hub.hubSigner());
        DetachedSigner healthSigner = new DetachedSigner(health);
        DetachedSignatureVerifier verifier = new DetachedSignatureVerifier(List.of(hub.caCertificate()));
        FhirReferralMapper fhir = new FhirReferralMapper(FhirContext.forR4Cached());
        CpmSchema schema = new CpmSchema();
        JusticeFormat justice = new JusticeFormat();
        Card card = deck.next();
        ChildProtectionMessage cpm = fhir.toCpm(card.body()).withPseudonym("AAAAAAAAAAAAAAAAAAAAAAAAAAA");
        String json = CpmJson.write(cpm);
        byte[] xml = justice.fromCpm(cpm);

        measure("verify_sender_signature", () -> verifier.verify(card.body(), card.signature(),
                health.certificate(), hub.sectorCertificates()));
        measure("fhir_parse_and_map", () -> fhir.toCpm(card.body()));
        measure("cpm_json_write", () -> CpmJson.write(cpm));
        measure("cpm_schema_validate", () -> {
            schema.validate(json);
            return null;
        });
        measure("cpm_json_read", () -> CpmJson.read(json));
        measure("justice_xml_write_and_validate", () -> justice.fromCpm(cpm));
        measure("hub_sign", () -> hubSigner.sign(xml));
        measure("sector_sign (client side)", () -> healthSigner.sign(card.body()));
        org.rabt.security.audit.AuditRecord entry = new org.rabt.security.audit.AuditRecord(42, java.time.Instant.now(),
                "sector:health", "sector", "card-accepted", "health", card.id(), "AAAAAAAAAAAAAAAAAAAAAAAAAAA", "success",
                null, "ab".repeat(32), "queued on rabt.justice.outbound", org.rabt.security.audit.AuditChain.GENESIS, null);
        measure("audit_chain_hash (per entry)",
                () -> org.rabt.security.audit.AuditChain.hashOf(org.rabt.security.audit.AuditChain.GENESIS, entry));
    }

    private static void measure(String name, Supplier<Object> step) {
        Object sink = null;
        for (int i = 0; i < WARM_UP; i++) {
            sink = step.get();
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink = step.get();
        }
        double micros = (System.nanoTime() - start) / 1000.0 / MEASURED;
        Figures.print("step_" + name.replace(' ', '_').replaceAll("[()]", ""), micros, "us/card");
        if (sink == null && !name.startsWith("cpm_schema")) {
            Figures.note(name + " returned nothing");
        }
    }
}
