package org.rabt.routes.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.routes.exchange.CardReceipt;
import org.rabt.routes.exchange.Problem;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.envelope.CardEnvelope;
import org.rabt.security.pki.HubPki;

class AmqpAnswerTest {

    private static final Problem QUOTING = Problem.of("RABT-M001", "Unparseable body", 400,
            "the body is not well-formed JSON: Unrecognized token 'Zerhouniyat'", "rabt.police.inbound", null);

    @TempDir
    Path pkiDir;

    @Test
    void anAnswerIsSealedForTheSectorsCertificateAndOpensWithItsKey() {
        HubPki pki = HubPki.loadOrCreate(pkiDir, List.of("police"), List.of());

        AmqpAnswer answer = AmqpAnswer.of(QUOTING, "police", () -> pki.sectorCertificate("police"));

        assertThat(answer.sealed()).isTrue();
        assertThat(new String(answer.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Zerhouniyat");
        String opened = new String(new CardEnvelope(pki.sectorKeyMaterial("police").orElseThrow()).open(answer.body()),
                StandardCharsets.UTF_8);
        assertThat(opened).contains("Zerhouniyat").contains("RABT-M001");
    }

    @Test
    void withNoCertificateToSealForAProblemGoesWithoutItsDetailSoTheCardIsStillAnswered() {
        Problem naming = Problem.of("RABT-M002", "Sector schema violation", 422, "'Zerhouniyat' is not a code",
                "rabt.police.inbound", "/enfant/Zerhouniyat");

        AmqpAnswer answer = AmqpAnswer.of(naming, "police", Optional::empty);

        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.sealed()).isFalse();
        assertThat(body).contains("\"code\":\"RABT-M002\"").contains(AmqpAnswer.WITHHELD.substring(0, 40))
                .doesNotContain("Zerhouniyat");
    }

    /** Failing to read the PKI is the hub's trouble, not a missing enrolment: the card is rolled back and tried again. */
    @Test
    void anyOtherFailureToSealPropagates() {
        assertThatThrownBy(() -> AmqpAnswer.of(QUOTING, "police", () -> {
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "cannot read sectors/police/cert.pem");
        })).isInstanceOf(SecurityMisconfiguration.class);
    }

    @Test
    void withNoCertificateAReceiptGoesAsItIsForItNamesNoChild() {
        CardReceipt receipt = new CardReceipt("5f0c6a9e-0000-4000-8000-000000000001", "accepted",
                "/exchange/v1/police/cards/5f0c6a9e-0000-4000-8000-000000000001");

        AmqpAnswer answer = AmqpAnswer.of(receipt, "police", Optional::empty);

        assertThat(answer.sealed()).isFalse();
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("5f0c6a9e-0000-4000-8000-000000000001");
    }
}
