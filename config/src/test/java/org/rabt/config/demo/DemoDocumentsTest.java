package org.rabt.config.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.mappings.education.EducationFormat;
import org.rabt.mappings.freeline.FreelineFormat;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.health.HealthFormat;
import org.rabt.mappings.justice.JusticeFormat;
import org.rabt.mappings.labour.LabourFormat;
import org.rabt.mappings.police.PoliceFormat;
import org.rabt.mappings.social.SocialFormat;
import org.rabt.security.pseudonym.Pseudonymiser;

/**
 * Every document the simulated sector systems send is one their sector's own format reads, and
 * says what the scenario means it to say: the hub reads them exactly as it reads a real system's.
 */
class DemoDocumentsTest {

    private static final Map<SectorId, SectorFormat> FORMATS = Stream.of(
                    new HealthFormat(FhirContext.forR4Cached(), null), new JusticeFormat(), new EducationFormat(),
                    new PoliceFormat(), new GendarmerieFormat(), new LabourFormat(), new SocialFormat(),
                    new FreelineFormat())
            .collect(Collectors.toMap(SectorFormat::sector, f -> f));

    private static final DemoCalendar CALENDAR = new DemoCalendar(Instant.parse("2026-11-29T10:15:00Z"),
            DemoCalendar.MOROCCO);
    private static final DemoDocuments DOCUMENTS = new DemoDocuments(CALENDAR);
    private static final ChildPseudonyms PSEUDONYMS = new ChildPseudonyms(new Pseudonymiser(new byte[32]));

    static List<DemoCard> cards() {
        List<DemoCard> cards = new ArrayList<>(DemoScenario.firstWave());
        cards.addAll(DemoScenario.followUps());
        return cards;
    }

    private static ChildProtectionMessage read(DemoCard card) {
        return FORMATS.get(card.sender()).toCpm(DOCUMENTS.card(card));
    }

    @ParameterizedTest
    @MethodSource("cards")
    void theSendersOwnFormatReadsTheCardAsTheScenarioMeansIt(DemoCard card) {
        ChildProtectionMessage cpm = read(card);

        assertThat(cpm.header().messageId()).isEqualTo(card.id());
        assertThat(cpm.header().sender().sector()).isEqualTo(card.sender());
        assertThat(cpm.header().receiver().sector()).isEqualTo(card.receiver());
        assertThat(cpm.header().cardType()).isEqualTo(card.type());
        assertThat(cpm.header().dueBy()).isEqualTo(CALENDAR.dueBy(card));
        assertThat(cpm.pathway().stage().number()).isEqualTo(card.stage());
        assertThat(cpm.pathway().entryChannel()).isEqualTo(card.channel());
        assertThat(cpm.concerns()).extracting(c -> c.code())
                .containsExactlyElementsOf(card.concerns().stream().map(DemoConcern::code).toList());
        if (card.child().familyLatin() != null) {
            assertThat(cpm.childProtected().familyNameLatin()).isEqualTo(card.child().familyLatin());
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo(card.child().givenLatin());
        }
        if (card.service() != null) {
            assertThat(cpm.requestedServices()).singleElement()
                    .satisfies(s -> assertThat(s.target().sector()).isEqualTo(card.receiver()));
        }
    }

    @ParameterizedTest
    @MethodSource("cards")
    void theSameCardIsWrittenWithTheSameBytesSoThatARestartResendsItIdempotently(DemoCard card) {
        DemoDocuments again = new DemoDocuments(new DemoCalendar(CALENDAR.firstStart(), DemoCalendar.MOROCCO));

        assertThat(again.card(card)).isEqualTo(DOCUMENTS.card(card));
    }

    @Test
    void everyCardAboutOneChildGetsTheSamePseudonymFromEverySender() {
        Map<DemoChild, Set<String>> pseudonyms = cards().stream().collect(Collectors.groupingBy(DemoCard::child,
                Collectors.mapping(c -> PSEUDONYMS.assign(read(c)).child().pseudonym(), Collectors.toSet())));

        assertThat(pseudonyms).allSatisfy((child, values) -> assertThat(values).as(child.displayName()).hasSize(1));
        assertThat(pseudonyms.get(DemoChildren.YOUSEF_VARIANT))
                .as("the transliteration variant is a near match, left to a coordinator")
                .doesNotContainAnyElementsOf(pseudonyms.get(DemoChildren.YOUSSEF));
    }

    @Test
    void atLeastTwoChildrenAreSentByThreeSectorsOrMore() {
        Map<DemoChild, Set<SectorId>> senders = cards().stream().collect(Collectors.groupingBy(DemoCard::child,
                Collectors.mapping(DemoCard::sender, Collectors.toSet())));

        assertThat(senders.values().stream().filter(s -> s.size() >= 3)).hasSizeGreaterThanOrEqualTo(2);
    }

    static List<Object[]> statusReports() {
        List<Object[]> reports = new ArrayList<>();
        for (DemoCard card : cards()) {
            for (DemoStatus status : card.statuses()) {
                reports.add(new Object[] {card, status});
            }
        }
        return reports;
    }

    @ParameterizedTest
    @MethodSource("statusReports")
    void theReceiversOwnFormatReadsEveryStatusReportAboutTheCard(DemoCard card, DemoStatus status) {
        StatusReport report = FORMATS.get(card.receiver()).readStatus(DOCUMENTS.status(card, status));

        assertThat(report.cardId()).isEqualTo(card.id());
        assertThat(report.businessStatus()).isNotBlank();
    }

    @Test
    void referralsEndInEveryStatusAStaffMemberFollowsAndSomeAreLate() {
        Set<TaskStatus> last = EnumSet.noneOf(TaskStatus.class);
        List<String> late = new ArrayList<>();
        for (DemoCard card : DemoScenario.firstWave()) {
            TaskStatus status = card.statuses().isEmpty() ? TaskStatus.REQUESTED
                    : FORMATS.get(card.receiver()).readStatus(DOCUMENTS.status(card, card.statuses().get(card.statuses().size() - 1))).status();
            last.add(status);
            if (card.dueInDays() != null && card.dueInDays() < 0 && status != TaskStatus.COMPLETED) {
                late.add(card.key());
            }
        }

        assertThat(last).contains(TaskStatus.REQUESTED, TaskStatus.RECEIVED, TaskStatus.ACCEPTED,
                TaskStatus.IN_PROGRESS, TaskStatus.ON_HOLD, TaskStatus.COMPLETED, TaskStatus.REJECTED);
        assertThat(late).containsExactlyInAnyOrder("aya-health-justice", "hamza-labour-social",
                "youssef-health-social", "fatima-justice-social");
    }
}
