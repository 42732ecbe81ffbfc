package org.rabt.config.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.caserecord.reports.Achievements;
import org.rabt.caserecord.reports.Cell;
import org.rabt.caserecord.reports.ChildrenFigures;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReferralFigures;
import org.rabt.security.pki.HubPki;

/** A provincial report file counts only as its province's hub signed it, under a trusted CA. */
class ProvincialReportVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    static Path dir;

    private static HubPki tangier;
    private static HubPki elsewhere;

    @BeforeAll
    static void pkis() {
        tangier = HubPki.loadOrCreate(dir.resolve("tangier"), List.of("health"), List.of());
        elsewhere = HubPki.loadOrCreate(dir.resolve("elsewhere"), List.of(), List.of());
    }

    private static ProvincialReportVerifier trusting(HubPki... pkis) {
        return new ProvincialReportVerifier(() -> java.util.Arrays.stream(pkis).map(HubPki::caCertificate).toList(),
                Clock.systemUTC());
    }

    @Test
    void aSignedExportVerifiesAndGivesBackTheReportAsSigned() {
        byte[] file = ProvincialReportExport.sign(report("MA-TNG", 42), tangier.hubSigner(), NOW).toJson();

        ProvincialReportVerifier.Verified verified = trusting(elsewhere, tangier).verify(file);

        assertThat(verified.report()).isEqualTo(report("MA-TNG", 42));
        assertThat(verified.signer()).isEqualTo(tangier.hubSigner().certificate());
        // canonical: no whitespace, members sorted, the decimal as written
        String canonical = new String(verified.canonical(), StandardCharsets.UTF_8);
        assertThat(canonical).startsWith("{\"achievements\":{\"cards\":42,").contains("\"meanResponseDays\":2.5")
                .doesNotContain(" ", "\n");
    }

    @Test
    void oneFigureChangedAfterSigningIsRefusedAsTampered() {
        String file = new String(ProvincialReportExport.sign(report("MA-TNG", 42), tangier.hubSigner(), NOW).toJson(),
                StandardCharsets.UTF_8);
        String tampered = file.replace("\"cards\" : 42", "\"cards\" : 43");
        assertThat(tampered).isNotEqualTo(file);

        assertRefused(() -> trusting(tangier).verify(tampered.getBytes(StandardCharsets.UTF_8)), ReportProblem.TAMPERED);
    }

    @Test
    void aCaNotTrustedHereIsRefused() {
        byte[] file = ProvincialReportExport.sign(report("MA-TNG", 42), elsewhere.hubSigner(), NOW).toJson();

        assertRefused(() -> trusting(tangier).verify(file), ReportProblem.UNTRUSTED_SIGNER);
    }

    @Test
    void aSectorKeyOfATrustedCaIsNoHubSigner() {
        byte[] file = ProvincialReportExport.sign(report("MA-TNG", 42), tangier.sectorKeyMaterial("health").orElseThrow(),
                NOW).toJson();

        assertRefused(() -> trusting(tangier).verify(file), ReportProblem.UNTRUSTED_SIGNER);
    }

    @Test
    void aFileNamingAnotherProvinceThanItsSignedReportIsRefused() {
        String file = new String(ProvincialReportExport.sign(report("MA-TNG", 42), tangier.hubSigner(), NOW).toJson(),
                StandardCharsets.UTF_8).replaceFirst("\"province\" : \"MA-TNG\"", "\"province\" : \"MA-RAB\"");

        assertRefused(() -> trusting(tangier).verify(file.getBytes(StandardCharsets.UTF_8)),
                ReportProblem.NOT_A_REPORT_EXPORT);
    }

    @Test
    void somethingElseThanAnExportIsRefused() {
        assertRefused(() -> trusting(tangier).verify("{\"format\": \"rabt-audit-export-v1\"}".getBytes(StandardCharsets.UTF_8)),
                ReportProblem.NOT_A_REPORT_EXPORT);
        assertRefused(() -> trusting(tangier).verify("not json".getBytes(StandardCharsets.UTF_8)),
                ReportProblem.NOT_A_REPORT_EXPORT);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ReportProblem problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ReportRefused.class,
                refused -> assertThat(refused.problem()).as(refused.getMessage()).isEqualTo(problem));
    }

    private static ProvincialReport report(String province, long cards) {
        Cell total = new Cell(null, null, null, null, 12L, false, null, true);
        Achievements now = new Achievements(cards, Map.of("phone", cards), Map.of("health", cards),
                new Cell(null, null, null, null, 12L, false, null, false), List.of(),
                List.of(new ReferralFigures("justice", 9, 6, 1, 2.0, 2.5)), 0, 0);
        Achievements before = new Achievements(0, Map.of(), Map.of(), new Cell(null, null, null, null, null, true, null,
                false), List.of(), List.of(), 0, 0);
        return new ProvincialReport(province, "2026-H2", LocalDate.of(2026, 7, 1), LocalDate.of(2027, 1, 1), "2026-H1",
                NOW, 5, now, before, new ChildrenFigures(total, List.of(total), List.of(), List.of(), List.of(), List.of()));
    }
}
