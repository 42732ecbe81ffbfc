package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.rabt.config.support.Browser;
import org.rabt.config.support.Browser.Viewport;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.config.support.StaffCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web console in a real browser (headless Chromium), as the centre's staff use it, on a hub
 * that has received signed cards about one child from three sectors through the exchange API
 * (health, police and social services, all naming the child by civil-status number) and, from
 * the school, a card about "Yousef" with no identifier: the same child under a transliteration
 * variant, which the hub must put on the review list rather than join silently.
 *
 * <p>One hub and one browser for the whole class; every step leaves a screenshot under
 * {@code config/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    /** Labour inspection's system, which refuses every card as bad: the operator's page has a dead letter. */
    private static final com.github.tomakehurst.wiremock.WireMockServer LABOUR = startStub();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String SOCIAL_WORKER = "social.worker";
    private static final String COORDINATOR = "coordinator";
    private static final String SECURITY_OFFICER = "security.officer";
    private static final String PASSWORD = StaffCredentials.DEMO_PASSWORD;

    /** The FHIR Task status codes a referral may carry (docs/console.md: {@code data-status}). */
    private static final Set<String> TASK_STATUSES = Set.of("draft", "requested", "received", "accepted", "rejected",
            "ready", "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error");

    @Autowired
    private JdbcClient jdbc;

    private Browser browser;
    /** The file the three sectors' cards about Youssef Benjelloun meet in. */
    private UUID childFile;
    /** The file the school's card about "Yousef" opened on its own. */
    private UUID variantFile;
    private String healthCardId;
    private String variantCardId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.labour.delivery-url", () -> LABOUR.baseUrl() + "/labour/cards");
    }

    @BeforeAll
    void cardsFromThreeSectorsAndABrowser() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

        // health: a referral of Youssef Benjelloun (civil status 1190/2012) to his school, as in the example
        healthCardId = post("health", example("health/examples/referral-to-school.json"), "application/fhir+json");
        // police: a referral to the hospital about the same child, named by the same civil-status number
        ObjectNode police = (ObjectNode) JSON.readTree(example("police/examples/signalement-violence-sale.json"));
        police.put("identifiantCarte", UUID.randomUUID().toString());
        ObjectNode policeChild = (ObjectNode) police.get("enfant");
        policeChild.put("sexe", "M").put("trancheAge", "10-14").put("anneeNaissance", 2012);
        youssef((ObjectNode) policeChild.get("identite"), "nomLatin", "prenomLatin", "nomArabe", "prenomArabe")
                .put("numeroEtatCivil", "1190/2012");
        post("police", JSON.writeValueAsBytes(police), "application/json");
        // social services: the emergency reception of the same child, reported to the centre
        ObjectNode social = (ObjectNode) JSON.readTree(example("social/examples/fiche-accueil-urgence-tanger.json"));
        social.put("identifiantCarte", UUID.randomUUID().toString());
        ObjectNode socialChild = (ObjectNode) social.get("enfant");
        socialChild.put("province", "MA-SAL").put("anneeNaissance", 2012);
        youssef((ObjectNode) socialChild.get("identite"), "nomLatin", "prenomLatin", "nomArabe", "prenomArabe")
                .put("numeroEtatCivil", "1190/2012");
        post("social", JSON.writeValueAsBytes(social), "application/json");
        // the school: "Yousef" Benjelloun, same birth date, no civil-status number (schools never send one)
        ObjectNode school = (ObjectNode) JSON.readTree(example("education/examples/carte-envoyee-liaison-sale.json"));
        school.put("identifiantCarte", UUID.randomUUID().toString());
        school.remove("carteLiee");
        ObjectNode pupil = (ObjectNode) school.get("eleve");
        youssef(pupil, "nom", "prenom", "nomArabe", "prenomArabe").put("prenom", "Yousef")
                .put("anneeNaissance", 2012).put("trancheAge", "10-14").put("sexe", "M");
        variantCardId = post("education", JSON.writeValueAsBytes(school), "application/json");

        childFile = await().atMost(Duration.ofSeconds(60)).until(() -> {
            UUID file = fileOf(healthCardId);
            return file != null && sectorsOf(file).containsAll(List.of("health", "police", "social")) ? file : null;
        }, file -> file != null);
        variantFile = await().atMost(Duration.ofSeconds(60)).until(() -> fileOf(variantCardId), file -> file != null);
        assertThat(variantFile).as("a name variant without identifier is never joined silently").isNotEqualTo(childFile);

        // health refers another child to labour inspection, which refuses the card: a dead letter
        LABOUR.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/labour/cards").willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)));
        String labourCard = post("health", example("health/examples/referral-to-labour-inspection.json"),
                "application/fhir+json");
        await().atMost(Duration.ofSeconds(30)).until(() -> api("operator", "/api/v1/dead-letters/labour")
                .path("items").findValuesAsString("cardId").contains(labourCard));

        browser = Browser.start().at(baseUrl());
    }

    @AfterEach
    void backToADesktop() {
        browser.resize(Viewport.DESKTOP);
    }

    @AfterAll
    void quitTheBrowser() {
        LABOUR.stop();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWrongPasswordIsRefusedOnTheFormAndTheRightOneOpensTheWorklist() {
        browser.attemptSignIn(SOCIAL_WORKER, "not-the-password");
        assertThat(browser.currentPath()).startsWith("/console/login");
        assertThat(browser.find("#login-error").isDisplayed()).isTrue();
        browser.screenshot("login-refused");

        browser.signIn(SOCIAL_WORKER, PASSWORD);
        assertThat(browser.currentPath()).as("the worklist").isIn("/console", "/console/");
        assertThat(browser.find("section#new-cards").isDisplayed()).isTrue();
        assertThat(browser.find("#sign-out").isDisplayed()).isTrue();
        browser.screenshot("worklist");

        browser.clickThrough("#sign-out");
        assertThat(browser.currentPath()).startsWith("/console/login");
        browser.open("/console/children/" + childFile).awaitPath("/console/login");
        assertThat(browser.has("h1#child-name")).as("signed out: the file is closed").isFalse();
    }

    @Test
    void keyboardUsersSkipToTheContentAndSeeWhereTheFocusIs() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.resize(Viewport.DESKTOP);
        browser.open("/console/children/" + childFile);
        // as on a page just opened: nothing focused yet, whatever the driver's window did before
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("if (document.activeElement) { document.activeElement.blur(); }");

        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getDomAttribute("href")).as("the first Tab stop is the skip link").isEqualTo("#main");
        assertThat(skip.isDisplayed()).as("the skip link shows once focused").isTrue();
        assertThat(focusIndicator()).as("the focused skip link is outlined").isNotEqualTo("none");
        browser.screenshot("keyboard-skip-link");

        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("main");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement next = browser.driver().switchTo().activeElement();
        assertThat(next.getDomAttribute("id")).as("after the skip, Tab goes on inside the page's content")
                .isEqualTo("send-linkage");
        assertThat(focusIndicator()).as("the focused link is outlined").isNotEqualTo("none");
    }

    @Test
    void eachRoleSeesOnlyItsOwnPages() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.open("/console/audit");
        assertThat(browser.find("#forbidden").isDisplayed()).as("a social worker on the audit page").isTrue();
        assertThat(browser.has("table#audit-entries")).isFalse();
        browser.screenshot("forbidden-audit-for-social-worker");

        browser.signIn("operator", PASSWORD);
        assertThat(browser.has("section#new-cards")).as("the operator has no worklist").isFalse();
        assertThat(browser.has("section#dead-letters")).as("the operator starts on the dead letters").isTrue();
        browser.screenshot("dead-letters-for-operator");
        browser.open("/console/children/" + childFile);
        assertThat(browser.find("#forbidden").isDisplayed()).as("the operator on a child's file").isTrue();
        assertThat(browser.driver().getPageSource()).doesNotContain("Benjelloun");
    }

    @Test
    void theWorklistShowsTheNewCardsAndLeadsToTheChildsFile() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);

        String toTheFile = "section#new-cards a.child-link[href$='/console/children/" + childFile + "']";
        assertThat(browser.findAll(toTheFile)).as("the three sectors' cards are new").hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findAll("section#new-cards a.child-link[href$='/console/children/" + variantFile + "']"))
                .as("the school's card is new too").isNotEmpty();
        browser.screenshot("worklist-new-cards");
        browser.clickThrough(toTheFile);

        browser.awaitPath("/console/children/" + childFile);
        assertThat(browser.find("h1#child-name").getText()).containsAnyOf("Benjelloun", "بنجلون");
        browser.screenshot("worklist-to-child-file");
    }

    @Test
    void aSearchByAnotherSpellingOfTheNameFindsTheChild() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.open("/console/children");

        browser.find("form#search-form input#q").sendKeys("Yusuf Benjelloun");
        browser.clickThrough("form#search-form [type=submit]");

        List<String> found = browser.findAll(".child-row a.child-link").stream()
                .map(link -> link.getDomAttribute("href")).toList();
        assertThat(found).as("\"Yusuf\" finds Youssef's file and Yousef's")
                .anySatisfy(href -> assertThat(href).endsWith("/console/children/" + childFile))
                .anySatisfy(href -> assertThat(href).endsWith("/console/children/" + variantFile));
        browser.screenshot("search-variant-spelling");
    }

    @Test
    void theChildsFileGathersThreeSectorsWithReferralStatusesInArabicFrenchAndEnglish() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.open("/console/children/" + childFile);

        List<String> wordsByLanguage = new ArrayList<>();
        for (String language : List.of("ar", "fr", "en")) {
            browser.switchLanguage(language);
            assertThat(browser.currentPath()).startsWith("/console/children/" + childFile);
            assertThat(browser.documentAttribute("dir")).as(language).isEqualTo(language.equals("ar") ? "rtl" : "ltr");

            List<WebElement> entries = browser.findAll("section#timeline li.timeline-entry");
            assertThat(entries).extracting(entry -> entry.getDomAttribute("data-kind")).as("%s: kinds of entries", language)
                    .isSubsetOf("card", "status", "undelivered");
            assertThat(entries).filteredOn(entry -> "card".equals(entry.getDomAttribute("data-kind")))
                    .extracting(entry -> entry.getDomAttribute("data-sector")).as("%s: the cards' senders", language)
                    .contains("health", "police", "social");
            List<WebElement> referrals = browser.findAll("section#referrals .referral");
            assertThat(referrals).as("%s: the health and police referrals", language).hasSizeGreaterThanOrEqualTo(2);
            assertThat(referrals).allSatisfy(referral -> {
                assertThat(referral.getDomAttribute("data-status")).isIn(TASK_STATUSES);
                assertThat(referral.getDomAttribute("data-overdue")).isIn("true", "false");
            });
            assertThat(browser.find("#current-stage").getText()).as(language).isNotBlank();

            // the console's own words (headings, labels, column heads, navigation), not the cards' free text
            String words = consoleWords();
            if (language.equals("ar")) {
                assertThat(arabicShare(words)).as("ar: the page's words are Arabic: %s", words).isGreaterThan(0.95);
            } else {
                assertThat(arabicShare(words)).as("%s: no Arabic in the page's words: %s", language, words).isZero();
            }
            wordsByLanguage.add(words);
            browser.screenshot("child-file-" + language);
        }
        assertThat(new HashSet<>(wordsByLanguage)).as("each language has its own words").hasSize(3);
    }

    @Test
    void onAPhoneTheFileAndTheWorklistNeedNoSidewaysScrolling() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.resize(Viewport.PHONE);

        for (String language : List.of("ar", "fr")) {
            browser.open("/console").switchLanguage(language);
            browser.assertNoHorizontalScroll("worklist (" + language + ", phone)").screenshot("phone-worklist-" + language);
            browser.open("/console/children/" + childFile);
            browser.assertNoHorizontalScroll("child's file (" + language + ", phone)").screenshot("phone-child-file-" + language);
        }
        browser.resize(Viewport.TABLET).open("/console/children/" + childFile);
        browser.assertNoHorizontalScroll("child's file (fr, tablet)").screenshot("tablet-child-file-fr");
    }

    @Test
    void theCommitteesReportsReadOnAPhoneInArabicAndFrenchAndPassTheAccessibilityCheck() {
        browser.signIn("committee", PASSWORD);
        for (String language : List.of("ar", "fr")) {
            browser.resize(Viewport.DESKTOP);
            browser.open("/console/reports").switchLanguage(language);
            assertThat(browser.find("#report table.figures")).isNotNull();
            assertThat(browser.findAll("#report .chart .bar-row")).isNotEmpty();
            browser.assertAccessible("reports (" + language + ")").screenshot("reports-" + language);
            browser.resize(Viewport.PHONE);
            browser.open("/console/reports").assertNoHorizontalScroll("reports (" + language + ", phone)")
                    .screenshot("phone-reports-" + language);
        }
        browser.resize(Viewport.DESKTOP);
    }

    @Test
    void onAPhoneNoOtherPageNeedsSidewaysScrollingEither() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.resize(Viewport.PHONE);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("search", "/console/children?q=Benjelloun");
        pages.put("linkage-form", "/console/cards/new?type=linkage&file=" + childFile);
        pages.put("reporting-form", "/console/cards/new?type=reporting");
        pages.put("reviews", "/console/reviews");
        for (String language : List.of("ar", "fr")) {
            browser.open("/console").switchLanguage(language);
            pages.forEach((name, path) -> browser.open(path)
                    .assertNoHorizontalScroll(name + " (" + language + ", phone)").screenshot("phone-" + name + "-" + language));
        }

        browser.signIn(SECURITY_OFFICER, PASSWORD);
        browser.resize(Viewport.PHONE);
        for (String language : List.of("ar", "fr")) {
            browser.open("/console/audit").switchLanguage(language);
            browser.assertNoHorizontalScroll("audit page (" + language + ", phone)").screenshot("phone-audit-" + language);
        }

        browser.signIn("operator", PASSWORD);
        browser.resize(Viewport.PHONE);
        for (String language : List.of("ar", "fr")) {
            browser.open("/console/dead-letters?sector=labour").switchLanguage(language);
            assertThat(browser.findAll("tr.dead-letter")).isNotEmpty();
            browser.assertNoHorizontalScroll("dead letters (" + language + ", phone)")
                    .screenshot("phone-dead-letters-" + language);
        }
    }

    @Test
    void aLinkageCardSentFromTheFileAppearsInItAsANewReferral() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.open("/console/children/" + childFile).switchLanguage("fr");
        int referralsBefore = browser.findAll("section#referrals .referral").size();

        browser.clickThrough("a#send-linkage");
        assertThat(browser.currentPath()).contains("type=linkage").contains("file=" + childFile);
        new Select(browser.find("select#receiver")).selectByValue("justice");
        // the service left as offered: the receiver's usual one
        new Select(browser.find("select#stage")).selectByValue("4");
        chooseFirst("select#concern");
        browser.find("textarea#reason").sendKeys("Demande d'une mesure de protection : violences répétées signalées par trois secteurs.");
        browser.script("arguments[0].value = arguments[1]", browser.find("input#dueBy"), LocalDate.now().plusDays(10).toString());
        browser.screenshot("linkage-form");
        browser.clickThrough("button#send-card");

        browser.awaitPath("/console/children/" + childFile + "?sent=");
        String sent = browser.currentPath().substring(browser.currentPath().indexOf("sent=") + 5);
        assertThat(browser.find("#sent-card").getText()).contains(sent);
        assertThat(browser.findAll("section#referrals .referral")).hasSize(referralsBefore + 1);
        assertThat(jdbc.sql("SELECT receiver_sector FROM card WHERE id = ?").param(UUID.fromString(sent))
                .query(String.class).single()).isEqualTo("justice");
        browser.screenshot("linkage-sent");
    }

    @Test
    void aFollowUpAndAnEvaluationRecordedFromTheFileJoinItsTimeline() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        for (String kind : List.of("follow-up", "evaluation")) {
            browser.open("/console/children/" + childFile).switchLanguage("fr");
            int centreCardsBefore = centreCardsOnTheTimeline();
            browser.clickThrough("a#record-" + kind);
            assertThat(browser.currentPath()).contains("type=" + kind).contains("file=" + childFile);
            browser.find("textarea#reason").sendKeys("Visite à domicile : l'enfant a repris l'école, la mère est présente.");
            browser.screenshot(kind + "-form");
            browser.clickThrough("button#send-card");

            browser.awaitPath("/console/children/" + childFile + "?sent=");
            String sent = browser.currentPath().substring(browser.currentPath().indexOf("sent=") + 5);
            assertThat(browser.find("#sent-card").getText()).contains(sent);
            assertThat(centreCardsOnTheTimeline()).as("the %s on the file's timeline, from the centre", kind)
                    .isEqualTo(centreCardsBefore + 1);
            assertThat(jdbc.sql("SELECT card_type FROM card WHERE id = ?").param(UUID.fromString(sent))
                    .query(String.class).single()).isEqualTo(kind);
            browser.screenshot(kind + "-sent");
        }
    }

    @Test
    void aRefusedCardShowsItsCodeOnTheFormAndSendsNothing() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.open("/console/children/" + childFile).switchLanguage("fr");
        int referralsBefore = browser.findAll("section#referrals .referral").size();

        browser.open("/console/cards/new?type=linkage&file=" + childFile);
        new Select(browser.find("select#receiver")).selectByValue("labour");
        String reason = "Vérifier un éventuel travail de l'enfant pendant les vacances.";
        browser.find("textarea#reason").sendKeys(reason);
        browser.script("arguments[0].value = arguments[1]", browser.find("input#dueBy"), LocalDate.now().minusDays(2).toString());
        browser.clickThrough("button#send-card");

        assertThat(browser.find("#card-error").getText()).as("a due date already past").contains("RABT-").contains("dueBy");
        assertThat(browser.find("textarea#reason").getDomProperty("value")).as("what was typed is kept").isEqualTo(reason);
        browser.screenshot("linkage-refused");
        browser.assertAccessible("linkage card form with its error");
        browser.open("/console/children/" + childFile);
        assertThat(browser.findAll("section#referrals .referral")).hasSize(referralsBefore);
    }

    @Test
    void aReportingCardRegistersANewChildAndOpensItsFile() {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.open("/console/cards/new?type=reporting").switchLanguage("ar");

        browser.find("input#givenNameLatin").sendKeys("Salma");
        browser.find("input#familyNameLatin").sendKeys("Ouazzani");
        browser.find("input#givenNameArabic").sendKeys("سلمى");
        browser.find("input#familyNameArabic").sendKeys("الوزاني");
        browser.script("arguments[0].value = arguments[1]", browser.find("input#birthDate"), "2014-02-11");
        new Select(browser.find("select#sex")).selectByValue("female");
        browser.find("input#civilStatusNumber").sendKeys("877/2014");
        chooseFirst("select#concern");
        browser.find("textarea#reason").sendKeys("طفلة منقطعة عن الدراسة منذ شهرين، حسب إفادة الجيران.");
        browser.screenshot("reporting-form-ar");
        browser.clickThrough("button#send-card");

        browser.awaitPath("/console/children/");
        assertThat(browser.currentPath()).contains("?sent=").doesNotContain(childFile.toString());
        assertThat(browser.find("#sent-card").isDisplayed()).isTrue();
        assertThat(browser.find("h1#child-name").getText()).contains("Ouazzani");
        assertThat(browser.documentAttribute("dir")).as("still in Arabic").isEqualTo("rtl");
        browser.screenshot("reporting-sent-ar");
    }

    @Test
    void theCoordinatorMergesTheNearDuplicateAndUndoesItBothAudited() throws Exception {
        long review = await().atMost(Duration.ofSeconds(30)).until(this::reviewOfTheTwoFiles, id -> id != null);
        browser.signIn(COORDINATOR, PASSWORD);

        // the matcher runs every two seconds: the page shows the pair once it has
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.open("/console/reviews")
                .has(".review[data-review-id='" + review + "']"));
        browser.screenshot("review-list");
        assertThat(schoolEntriesInTheFile()).as("before the merge, the school's card is in a file of its own").isZero();
        browser.open("/console/reviews");
        browser.clickThrough(".review[data-review-id='" + review + "'] button.merge");

        assertThat(browser.find("#review-message").getText()).isNotBlank();
        assertThat(fileOf(variantCardId)).as("merged: one file").isEqualTo(fileOf(healthCardId));
        assertThat(browser.findAll("section#merges button.undo-merge")).hasSize(1);
        browser.screenshot("review-merged");
        assertThat(schoolEntriesInTheFile()).as("merged: the school's card is in the child's file").isPositive();
        browser.screenshot("child-file-merged");
        browser.open("/console/reviews");

        browser.clickThrough("section#merges button.undo-merge");

        assertThat(browser.find("#review-message").getText()).isNotBlank();
        assertThat(fileOf(variantCardId)).as("undone: two files again").isNotEqualTo(fileOf(healthCardId));
        assertThat(fileOf(healthCardId)).isEqualTo(childFile);
        assertThat(browser.findAll("section#merges button.undo-merge")).isEmpty();
        browser.screenshot("review-undone");
        assertThat(schoolEntriesInTheFile()).as("undone: the school's card has left the child's file").isZero();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor = ? AND action IN ('file-merged', 'file-split')")
                .param(COORDINATOR).query(String.class).list()).contains("file-merged", "file-split");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
        List<String> failures = new ArrayList<>();
        browser.driver().manage().deleteAllCookies();
        browser.open("/console/login");
        check(failures, "login");
        browser.attemptSignIn(SOCIAL_WORKER, "not-the-password");
        check(failures, "login with its error");

        browser.signIn(SOCIAL_WORKER, PASSWORD);
        check(failures, "worklist");
        browser.open("/console/children/" + childFile).switchLanguage("ar");
        check(failures, "child's file (ar)");
        browser.switchLanguage("fr");
        check(failures, "child's file (fr)");
        browser.open("/console/cards/new?type=linkage&file=" + childFile);
        check(failures, "linkage card form");
        browser.open("/console/cards/new?type=reporting");
        check(failures, "reporting card form");
        browser.open("/console/reviews");
        check(failures, "review list");
        browser.open("/console/children?q=Benjelloun");
        check(failures, "search results");

        browser.signIn(SECURITY_OFFICER, PASSWORD);
        browser.open("/console/audit");
        check(failures, "audit page");

        browser.signIn("operator", PASSWORD);
        browser.open("/console/dead-letters?sector=labour").switchLanguage("ar");
        check(failures, "dead letters (ar)");
        browser.switchLanguage("fr");
        check(failures, "dead letters (fr)");

        assertThat(failures).as(String.join(System.lineSeparator(), failures)).isEmpty();
    }

    @Test
    void theSecurityOfficerSeesTheSocialWorkersViewOfTheFileInTheAuditPage() throws Exception {
        browser.signIn(SOCIAL_WORKER, PASSWORD);
        browser.open("/console/children/" + childFile);
        browser.find("h1#child-name");

        browser.signIn(SECURITY_OFFICER, PASSWORD);
        browser.open("/console/children/" + childFile);
        assertThat(browser.find("h1#child-name").getText()).as("the security officer sees the file without the identity")
                .doesNotContain("Benjelloun").doesNotContain("بنجلون").isNotBlank();
        assertThat(browser.driver().getPageSource()).doesNotContain("Benjelloun").doesNotContain("1190/2012");
        browser.screenshot("child-file-for-security-officer");

        browser.open("/console/audit");
        browser.find("form#audit-search [name=actor]").sendKeys(SOCIAL_WORKER);
        browser.find("form#audit-search [name=action]").sendKeys("child-file-viewed");
        browser.clickThrough("form#audit-search [type=submit]");

        List<String> rows = browser.findAll("table#audit-entries tbody tr").stream().map(WebElement::getText).toList();
        assertThat(rows).as("only the social worker's views of files").isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains(SOCIAL_WORKER).contains("child-file-viewed"));
        List<String> pseudonyms = pseudonymsOf(childFile);
        assertThat(rows).as("a view of Youssef's file, named by its pseudonym").anySatisfy(row ->
                assertThat(pseudonyms).anySatisfy(pseudonym -> assertThat(row).contains(pseudonym)));
        browser.screenshot("audit-file-viewed");
    }

    private void check(List<String> failures, String page) {
        browser.screenshot("axe-" + page.replaceAll("[^a-z]+", "-"));
        try {
            browser.assertAccessible(page);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    private int centreCardsOnTheTimeline() {
        return browser.findAll("section#timeline li.timeline-entry[data-kind='card'][data-sector='centre']").size();
    }

    /** Opens the child's file and counts its timeline entries sent by the school (only the variant's card is). */
    private int schoolEntriesInTheFile() {
        browser.open("/console/children/" + childFile);
        browser.find("section#timeline");
        return browser.findAll("section#timeline li.timeline-entry[data-sector='education']").size();
    }

    /** How the focused element shows it has the focus: its outline style, else its box shadow ("none" when neither). */
    private String focusIndicator() {
        return (String) browser.script("""
                const style = getComputedStyle(document.activeElement);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? style.outlineStyle : style.boxShadow;""");
    }

    private void chooseFirst(String css) {
        Select select = new Select(browser.find(css));
        select.getOptions().stream().filter(option -> !option.getDomProperty("value").isBlank()).findFirst()
                .ifPresent(option -> select.selectByValue(option.getDomProperty("value")));
    }

    private String consoleWords() {
        return String.join(" | ", browser.findAll("main h2, main dt, main th, nav.main-nav a, #sign-out, section#timeline .concern")
                .stream().map(WebElement::getText).toList());
    }

    /** The share of letters in {@code text} that are Arabic script. */
    private static double arabicShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long arabic = text.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        return letters == 0 ? 0 : (double) arabic / letters;
    }

    private static ObjectNode youssef(ObjectNode identity, String family, String given, String familyArabic, String givenArabic) {
        return identity.put(family, "Benjelloun").put(given, "Youssef").put(familyArabic, "بنجلون")
                .put(givenArabic, "يوسف").put("dateNaissance", "2012-04-21");
    }

    private static byte[] example(String path) throws IOException {
        return new ClassPathResource(path).getContentAsByteArray();
    }

    private String post(String sector, byte[] body, String contentType) {
        SectorClient client = sector(sector, DATA);
        HttpResponse<String> response = client.postCard(body, contentType);
        assertThat(response.statusCode()).as(sector + ": " + response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("cardId").asString();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + staffPort;
    }

    private JsonNode api(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(staffRequest(user, path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The file a card's child is in, through the staff API. */
    private UUID fileOf(String cardId) throws IOException, InterruptedException {
        JsonNode items = api(SOCIAL_WORKER, "/api/v1/children?q=" + cardId).path("items");
        return items.isEmpty() ? null : UUID.fromString(items.get(0).path("fileId").asString());
    }

    private List<String> sectorsOf(UUID file) throws IOException, InterruptedException {
        List<String> sectors = new ArrayList<>();
        api(SOCIAL_WORKER, "/api/v1/children?q=" + file).path("items").get(0).path("sectors")
                .forEach(sector -> sectors.add(sector.asString()));
        return sectors;
    }

    private List<String> pseudonymsOf(UUID file) throws IOException, InterruptedException {
        List<String> pseudonyms = new ArrayList<>();
        api(SOCIAL_WORKER, "/api/v1/children?q=" + file).path("items").get(0).path("pseudonyms")
                .forEach(pseudonym -> pseudonyms.add(pseudonym.asString()));
        return pseudonyms;
    }

    /** The open review pairing the child's file with the variant's, once the matcher has found it. */
    private Long reviewOfTheTwoFiles() throws IOException, InterruptedException {
        for (JsonNode review : api(COORDINATOR, "/api/v1/reviews").path("items")) {
            Set<String> files = Set.of(review.path("first").path("fileId").asString(),
                    review.path("second").path("fileId").asString());
            if (files.equals(Set.of(childFile.toString(), variantFile.toString()))) {
                return review.path("id").asLong();
            }
        }
        return null;
    }
}
