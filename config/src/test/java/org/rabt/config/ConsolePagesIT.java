package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.config.support.ConsoleSession;
import org.rabt.config.support.ConsoleSession.Page;
import org.rabt.config.support.HubTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web console on the whole hub, through its forms as a browser without JavaScript uses them
 * (docs/console.md, the page contract): signing in, the worklist, a child's file gathered from
 * two sectors, the same file in Arabic, a linkage card sent with the form, who may open which
 * page, and the audit entries the console leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "demo";
    private static final String SOCIAL_WORKER = "social.worker";
    private static final String COORDINATOR = "coordinator";
    private static final String SECURITY_OFFICER = "security.officer";
    private static final Set<String> EVERYONE = Set.of(SOCIAL_WORKER, COORDINATOR, SECURITY_OFFICER, "operator", "committee");

    /** The civil-status number of the police example's child, whom a social-services card then names too. */
    private static final String CIVIL_STATUS_NUMBER = "2213/2013";

    @Autowired
    private JdbcClient jdbc;

    /** One signed-in browser per user for the matrix. */
    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private UUID policeCard;
    private UUID socialCard;
    private String fileId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
    }

    /** Two sectors report the same child: the police (a linkage card to health) and social services. */
    @BeforeAll
    void twoSectorsReportOneChild() throws IOException {
        policeCard = UUID.randomUUID();
        ObjectNode police = example("police/examples/signalement-violence-sale.json");
        police.put("identifiantCarte", policeCard.toString());
        assertAccepted(sector("police", DATA).postCard(JSON.writeValueAsBytes(police), "application/json"));

        socialCard = UUID.randomUUID();
        ObjectNode social = example("social/examples/fiche-enquete-sociale-meknes.json");
        social.put("identifiantCarte", socialCard.toString());
        social.remove("carteLiee");
        // the same child as the police's: their identity, under the social services' own words
        ObjectNode identity = (ObjectNode) social.get("enfant").get("identite");
        for (String field : List.of("nomLatin", "prenomLatin", "nomArabe", "prenomArabe", "dateNaissance", "numeroEtatCivil")) {
            identity.set(field, police.get("enfant").get("identite").get(field));
        }
        assertAccepted(sector("social", DATA).postCard(JSON.writeValueAsBytes(social), "application/json"));

        ConsoleSession worker = signedIn(SOCIAL_WORKER);
        Page found = worker.get("/console/children?q=" + policeCard);
        String href = found.one(".child-row a.child-link").attr("href");
        fileId = href.substring(href.lastIndexOf('/') + 1);
    }

    @Test
    void aSocialWorkerSignsInWithTheFormAndGetsTheWorklist() {
        ConsoleSession browser = new ConsoleSession(staffPort);
        Page signIn = browser.signIn("social.worker", PASSWORD);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).endsWith("/console");

        Page worklist = browser.follow(signIn);

        assertThat(worklist.status()).isEqualTo(200);
        worklist.one("section#overdue-referrals");
        worklist.one("section#reviews");
        assertThat(worklist.one("section#new-cards").select("a.child-link")).extracting(link -> link.attr("href"))
                .contains("/console/children/" + fileId);
        worklist.one("button#sign-out");
        assertThat(worklist.html().select("a#lang-ar, a#lang-fr, a#lang-en")).hasSize(3);
    }

    @Test
    void theChildsFileGathersTheCardsOfBothSectorsInOneTimeline() {
        Page file = signedIn(SOCIAL_WORKER).get("/console/children/" + fileId);

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.html().select("html").attr("lang")).isEqualTo("fr");
        List<Element> entries = file.one("section#timeline").select("li.timeline-entry");
        assertThat(entries).extracting(entry -> entry.attr("data-sector")).contains("police", "social");
        assertThat(entries).filteredOn(entry -> entry.attr("data-kind").equals("card"))
                .extracting(entry -> entry.attr("data-card-id")).contains(policeCard.toString(), socialCard.toString());
        assertThat(file.one("section#timeline").text()).contains("Sûreté nationale", "Entraide nationale");
        // the social worker sees who the child is; the stage is the latest card's (social services: 4)
        assertThat(file.one("h1#child-name").text()).contains("Bennani");
        assertThat(file.one("#identity").text()).contains(CIVIL_STATUS_NUMBER);
        assertThat(file.one("#current-stage").text()).contains("4", "Accompagnement et prise en charge");
        // the social inquiry references two documents its sender has not uploaded yet
        assertThat(file.one("section#attachments").select(".attachment[data-received=false]")).hasSize(2);
        assertThat(file.one("section#referrals").select(".referral"))
                .anySatisfy(referral -> {
                    assertThat(referral.attr("data-card-id")).isEqualTo(policeCard.toString());
                    assertThat(referral.attr("data-status")).isNotBlank();
                    assertThat(referral.attr("data-overdue")).isIn("true", "false");
                });
        file.one("section#stages");
        assertThat(file.one("a#send-linkage").attr("href"))
                .isEqualTo("/console/cards/new?type=linkage&file=" + fileId);
    }

    @Test
    void theFileInArabicIsRightToLeftWithArabicLabelsAndTheChoiceIsRemembered() {
        ConsoleSession browser = signedIn(COORDINATOR);

        Page arabic = browser.get("/console/children/" + fileId + "?lang=ar");

        assertThat(arabic.html().select("html").attr("lang")).isEqualTo("ar");
        assertThat(arabic.html().select("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.one("#timeline-title").text()).isEqualTo("التسلسل الزمني");
        assertThat(arabic.one("section#timeline").text()).contains("الأمن الوطني");
        assertThat(arabic.one("section#timeline").select(".concern")).extracting(Element::text).contains("عنف جنسي");
        // the next page, without ?lang, stays in Arabic
        Page worklist = browser.get("/console");
        assertThat(worklist.html().select("html").attr("dir")).isEqualTo("rtl");
        assertThat(worklist.one("#new-cards-title").text()).isEqualTo("بطاقات جديدة");
    }

    @Test
    void aLinkageCardSentWithTheFormLandsInTheFileAsAReferralOnce() {
        ConsoleSession browser = signedIn(SOCIAL_WORKER);
        Page form = browser.get("/console/cards/new?type=linkage&file=" + fileId);
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();

        Map<String, String> card = Map.of("receiver", "justice", "service", "protection-measure",
                "reason", "Mesure de protection demandée au juge des mineurs", "dueBy", due, "stage", "4",
                "concern", "sexual-violence");

        Page sent = browser.submit(form, "form#card-form", card);
        // the same form sent again (a double click, a reload) is the same card, written once
        Page again = browser.submit(form, "form#card-form", card);

        assertThat(sent.status()).as(sent.html().text()).isEqualTo(302);
        assertThat(sent.location()).contains("/console/children/" + fileId + "?sent=");
        String cardId = sent.location().substring(sent.location().indexOf("?sent=") + "?sent=".length());
        assertThat(again.location()).isEqualTo(sent.location());
        Page file = browser.follow(sent);
        assertThat(file.one("#sent-card").text()).contains(cardId);
        Element referral = file.one("section#referrals .referral[data-card-id=" + cardId + "]");
        assertThat(referral.attr("data-overdue")).isEqualTo("false");
        assertThat(referral.text()).contains("Justice", due);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'card-written' AND actor = 'social.worker' AND card_id = ?")
                .param(cardId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedCardShowsTheFormAgainWithTheProblemsCode() {
        ConsoleSession browser = signedIn(SOCIAL_WORKER);
        Page form = browser.get("/console/cards/new?type=linkage&file=" + fileId);

        Page refused = browser.submit(form, "form#card-form", Map.of("receiver", "justice",
                "dueBy", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.one("#card-error").text()).contains("RABT-C003", "dueBy");
        assertThat(refused.one("form#card-form select#receiver option[selected]").attr("value")).isEqualTo("justice");
        // said in the social worker's language; the problem's own detail stays, marked as English
        Page arabic = browser.submit(browser.get("/console/cards/new?type=linkage&file=" + fileId + "&lang=ar"),
                "form#card-form", Map.of("receiver", "justice", "dueBy", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString()));
        assertThat(arabic.one("#card-error .said").text()).contains("صحّح الخانة");
        assertThat(arabic.one("#card-error [lang=en]").text()).isNotBlank();
    }

    @Test
    void everyViewOfAFileIsInTheAuditLog() {
        signedIn(COORDINATOR).get("/console/children/" + fileId);

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry
                WHERE action = 'child-file-viewed' AND actor = 'coordinator' AND detail LIKE ?""")
                .param("file " + fileId + "%").query(Long.class).single()).isPositive();
    }

    /** The console's rows of docs/staff-access.md: each page and the demo users that may open it. */
    private static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("/console", EVERYONE),
            Map.entry("/console/children", Set.of(SOCIAL_WORKER, COORDINATOR)),
            Map.entry("/console/cards/new?type=reporting", Set.of(SOCIAL_WORKER, COORDINATOR)),
            Map.entry("/console/reviews", Set.of(SOCIAL_WORKER, COORDINATOR)),
            Map.entry("/console/children/{file}", Set.of(SOCIAL_WORKER, COORDINATOR, SECURITY_OFFICER)),
            Map.entry("/console/audit", Set.of(SECURITY_OFFICER)),
            Map.entry("/console/audit/verify", Set.of(SECURITY_OFFICER)),
            Map.entry("/console/reports", Set.of(COORDINATOR, "committee")),
            Map.entry("/console/reports/download?format=csv", Set.of(COORDINATOR, "committee")),
            Map.entry("/console/dead-letters", Set.of("operator")),
            // deny by default
            Map.entry("/console/not-granted", Set.of()));

    Stream<Arguments> roleAndPage() {
        return MATRIX.entrySet().stream().flatMap(page -> EVERYONE.stream()
                .map(user -> Arguments.of(user, page.getKey(), page.getValue().contains(user))));
    }

    @ParameterizedTest(name = "{0} GET {1}: allowed {2}")
    @MethodSource("roleAndPage")
    void eachRoleOpensTheConsolePagesTheMatrixGivesItAndNoOther(String user, String path, boolean allowed) {
        Page page = sessions.computeIfAbsent(user, this::signedIn).get(path.replace("{file}", fileId));

        if (allowed) {
            // the security officer's start page is the audit page, the committee's the reports
            assertThat(page.status()).as(page.html() == null ? "" : page.html().text()).isIn(200, 302);
            if (page.status() == 302) {
                assertThat(page.location()).endsWith(switch (user) {
                    case "committee" -> "/console/reports";
                    case "operator" -> "/console/dead-letters";
                    default -> "/console/audit";
                });
            }
        } else {
            assertThat(page.status()).isEqualTo(403);
            page.one("#forbidden");
        }
    }

    @ParameterizedTest(name = "{0} decides on the review list")
    @MethodSource("everyone")
    void onlyTheCoordinatorDecidesOnTheReviewList(String user) {
        ConsoleSession browser = sessions.computeIfAbsent(user, this::signedIn);
        String token = browser.csrfToken();

        // a review that does not exist: the coordinator is answered RABT-C002, the others are refused
        Page dismissed = browser.post("/console/reviews/987654321/dismiss", Map.of("_csrf", token));

        if (user.equals(COORDINATOR)) {
            assertThat(dismissed.status()).isEqualTo(302);
            assertThat(browser.follow(dismissed).one("#review-message").text()).contains("RABT-C002");
        } else {
            assertThat(dismissed.status()).isEqualTo(403);
        }
    }

    Stream<String> everyone() {
        return EVERYONE.stream().sorted();
    }

    @Nested
    class Roles {

        @Test
        void aSocialWorkerIsRefusedTheAuditPageAndTheRefusalIsAudited() {
            Page refused = signedIn(SOCIAL_WORKER).get("/console/audit");

            assertThat(refused.status()).isEqualTo(403);
            refused.one("#forbidden");
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_entry
                    WHERE action = 'access-denied' AND actor = 'social.worker' AND error_code = 'RABT-A005'
                      AND detail = 'GET /console/audit'""").query(Long.class).single()).isPositive();
        }

        @Test
        void theSecurityOfficerGetsTheAuditPageSearchesAndVerifiesTheChain() {
            ConsoleSession officer = new ConsoleSession(staffPort);
            Page start = officer.follow(officer.signIn("security.officer", PASSWORD));
            assertThat(start.location()).endsWith("/console/audit");

            Page audit = officer.get("/console/audit?action=staff-sign-in");
            assertThat(audit.status()).isEqualTo(200);
            audit.one("form#audit-search");
            audit.one("section#anomalies");
            audit.one("#audit-verify");
            assertThat(audit.one("table#audit-entries").select("tr.audit-entry"))
                    .isNotEmpty().allSatisfy(row -> assertThat(row.attr("data-action")).isEqualTo("staff-sign-in"));

            Page verified = officer.get("/console/audit/verify?from=1");
            assertThat(verified.one("#verify-result").attr("data-intact")).isEqualTo("true");
        }

        @Test
        void theSecurityOfficerOpensAFileWithoutTheIdentity() {
            Page file = signedIn(SECURITY_OFFICER).get("/console/children/" + fileId);

            assertThat(file.status()).isEqualTo(200);
            assertThat(file.html().select("#identity")).isEmpty();
            assertThat(file.one("h1#child-name").text()).doesNotContain("Bennani");
            assertThat(file.html().select("a#send-linkage")).isEmpty();
        }

        @Test
        void theCommitteeReadsTheReportWithItsChartsInArabicAndDownloadsThePdf() {
            ConsoleSession committee = signedIn("committee");

            Page report = committee.get("/console/reports?lang=ar");
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.html().select("html").attr("dir")).isEqualTo("rtl");
            assertThat(report.html().select("#report table.figures")).isNotEmpty();
            assertThat(report.html().select("#report .chart .bar.now")).isNotEmpty();
            // small counts of children are withheld on the page as in the PDF: the two children here are fewer than five
            assertThat(report.one("#report-footnote").text()).isNotBlank();
            assertThat(committee.get("/console/children").status()).isEqualTo(403);
            assertThat(committee.get("/console/reports?period=2026-Q3").one("#period-error")).isNotNull();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'report-read' AND actor = 'committee'")
                    .query(Long.class).single()).isPositive();
        }

        @Test
        void theOperatorSignsInToTheDeadLettersAndNoChildsFile() {
            ConsoleSession operator = signedIn("operator");

            Page start = operator.get("/console");
            assertThat(start.location()).endsWith("/console/dead-letters");
            Page deadLetters = operator.follow(start);
            assertThat(deadLetters.status()).isEqualTo(200);
            // no sector delivers here: every queue is empty, and the page says so
            assertThat(deadLetters.html().select("nav.sector-tabs a")).hasSize(9);
            deadLetters.one("section#dead-letters .empty");
            assertThat(operator.get("/console/children").status()).isEqualTo(403);
        }

        @Test
        void nobodySignedInIsSentToTheLoginPage() {
            Page start = new ConsoleSession(staffPort).get("/console/children/" + fileId);

            assertThat(start.status()).isEqualTo(302);
            assertThat(start.location()).endsWith("/console/login");
        }

        @Test
        void aWrongPasswordShowsTheErrorAndIsAudited() {
            ConsoleSession browser = new ConsoleSession(staffPort);
            Page failed = browser.signIn("coordinator", "not-the-password");

            assertThat(failed.location()).endsWith("/console/login?error");
            browser.follow(failed).one("#login-error");
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_entry
                    WHERE action = 'staff-sign-in-failed' AND actor = 'coordinator' AND detail LIKE 'POST /console/login%'""")
                    .query(Long.class).single()).isPositive();
        }

        @Test
        void signingOutEndsTheSession() {
            ConsoleSession browser = signedIn(SOCIAL_WORKER);
            Page worklist = browser.get("/console");
            long signOutsBefore = signOuts(SOCIAL_WORKER);

            Page signedOut = browser.submit(worklist, "form:has(button#sign-out)", Map.of());

            assertThat(signedOut.location()).endsWith("/console/login?signed-out");
            browser.follow(signedOut).one("#signed-out");
            assertThat(browser.get("/console").location()).endsWith("/console/login");
            // the security officer sees when the session ended, not only when it began
            assertThat(signOuts(SOCIAL_WORKER)).isEqualTo(signOutsBefore + 1);
        }

        @Test
        void aFormPostedWithoutItsCsrfTokenIsRefused() {
            ConsoleSession browser = signedIn(SOCIAL_WORKER);

            Page refused = browser.post("/console/cards", Map.of("type", "reporting", "familyNameLatin", "Forged"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'card-written' AND detail LIKE 'reporting%'")
                    .query(Long.class).single()).isZero();
        }
    }

    private long signOuts(String user) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'staff-sign-out' AND actor = ? AND outcome = 'success'")
                .param(user).query(Long.class).single();
    }

    private ConsoleSession signedIn(String user) {
        ConsoleSession browser = new ConsoleSession(staffPort);
        Page signIn = browser.signIn(user, PASSWORD);
        assertThat(signIn.location()).as(user + " signs in").endsWith("/console");
        return browser;
    }

    private static ObjectNode example(String resource) throws IOException {
        try (InputStream in = ConsolePagesIT.class.getClassLoader().getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static void assertAccepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
