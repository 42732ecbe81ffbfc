package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.config.support.StaffCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access matrix of docs/staff-access.md, on the whole hub: each role against each endpoint of
 * the staff port, allowed or refused (and every refusal coded and audited), and the exchange port
 * untouched by staff sign-in.
 */
class StaffAccessIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String SOCIAL_WORKER = "social.worker";
    private static final String COORDINATOR = "coordinator";
    private static final String SECURITY_OFFICER = "security.officer";
    private static final String OPERATOR = "operator";
    private static final String COMMITTEE = "committee";
    private static final Set<String> EVERYONE = Set.of(SOCIAL_WORKER, COORDINATOR, SECURITY_OFFICER, OPERATOR, COMMITTEE);

    /** Each endpoint and the demo users that may use it; every other user is refused. */
    private static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("/actuator/health", EVERYONE),
            Map.entry("/actuator/prometheus", Set.of(OPERATOR)),
            Map.entry("/actuator/queues", Set.of(OPERATOR)),
            Map.entry("/api/v1/directory", EVERYONE),
            Map.entry("/api/v1/directory/providers?service=school-reintegration&province=MA-SAL", EVERYONE),
            Map.entry("/fhir/metadata", EVERYONE),
            Map.entry("/api/v1/audit", Set.of(SECURITY_OFFICER)),
            Map.entry("/api/v1/audit/verify", Set.of(SECURITY_OFFICER)),
            Map.entry("/api/v1/audit/export", Set.of(SECURITY_OFFICER)),
            Map.entry("/api/v1/audit/anomalies", Set.of(SECURITY_OFFICER)),
            Map.entry("/v3/api-docs", EVERYONE),
            Map.entry("/api/v1/children", Set.of(SOCIAL_WORKER, COORDINATOR)),
            Map.entry("/api/v1/children?q=amrani", Set.of(SOCIAL_WORKER, COORDINATOR)),
            Map.entry("/api/v1/referrals?overdue=true", Set.of(SOCIAL_WORKER, COORDINATOR)),
            Map.entry("/api/v1/reviews", Set.of(SOCIAL_WORKER, COORDINATOR)),
            Map.entry("/api/v1/reports/monthly?month=2026-11", Set.of(COORDINATOR, COMMITTEE)),
            Map.entry("/api/v1/reports/provincial?period=2026-H2", Set.of(COORDINATOR, COMMITTEE)),
            Map.entry("/api/v1/reports/national?period=2026-H2", Set.of(COORDINATOR, COMMITTEE)),
            Map.entry("/api/v1/dead-letters", Set.of(OPERATOR)),
            Map.entry("/api/v1/dead-letters/justice", Set.of(OPERATOR)),
            // deny by default: a path nobody was given
            Map.entry("/api/v1/not-granted", Set.of()));

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
    }

    /**
     * The matrix is about who may call what, on a healthy hub: right after start some health
     * contributors (consumers still starting) may report DOWN, which is not what this test checks.
     */
    @org.junit.jupiter.api.BeforeEach
    void hubIsHealthy() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    static Stream<Arguments> roleAndEndpoint() {
        List<Arguments> cases = new ArrayList<>();
        MATRIX.forEach((path, allowed) -> EVERYONE.forEach(user -> cases.add(Arguments.of(user, path, allowed.contains(user)))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} GET {1}: allowed {2}")
    @MethodSource("roleAndEndpoint")
    void eachRoleGetsWhatTheMatrixGivesItAndNothingElse(String user, String path, boolean allowed) throws Exception {
        HttpResponse<String> response = HTTP.send(staffRequest(user, path).build(), HttpResponse.BodyHandlers.ofString());

        if (allowed) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } else {
            assertProblem(response, 403, "RABT-A005");
        }
        // HTTP Basic is stateless: no session to steal
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    /** The operator's replays (POST): the operator is answered by the endpoint itself, every other role refused. */
    @ParameterizedTest(name = "{0} replays dead letters")
    @org.junit.jupiter.params.provider.ValueSource(strings = {SOCIAL_WORKER, COORDINATOR, SECURITY_OFFICER, OPERATOR, COMMITTEE})
    void onlyTheOperatorReplaysDeadLetters(String user) throws Exception {
        HttpResponse<String> all = HTTP.send(staffRequest(user, "/api/v1/dead-letters/justice/replay")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> one = HTTP.send(staffRequest(user, "/api/v1/dead-letters/justice/" + UUID.randomUUID()
                + "/replay").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        if (user.equals(OPERATOR)) {
            assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
            // allowed, but no dead letter has this id
            assertProblem(one, 404, "RABT-O002");
        } else {
            assertProblem(all, 403, "RABT-A005");
            assertProblem(one, 403, "RABT-A005");
        }
    }

    @Nested
    class WithoutSignIn {

        @Test
        void onlyTheHealthCheckAnswers() throws Exception {
            for (String path : MATRIX.keySet()) {
                HttpResponse<String> response = anonymous(path);
                if (path.equals("/actuator/health")) {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).contains("\"UP\"");
                } else {
                    assertProblem(response, 401, "RABT-A004");
                    assertThat(response.headers().allValues("WWW-Authenticate")).as(path)
                            .anySatisfy(challenge -> assertThat(challenge).startsWith("Basic realm=\"rabt\""));
                }
            }
        }

        @Test
        void aWrongPasswordOrAnUnknownUserIsRefusedAndAudited() throws Exception {
            String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
            assertProblem(signedIn(SECURITY_OFFICER, "not-demo", "/api/v1/audit"), 401, "RABT-A004");
            assertProblem(signedIn(stranger, "demo", "/api/v1/audit"), 401, "RABT-A004");

            List<Map<String, Object>> failures = jdbc.sql("""
                    SELECT actor, role, outcome, error_code, detail FROM audit_entry
                    WHERE action = 'staff-sign-in-failed' AND actor IN (?, ?)""")
                    .params(SECURITY_OFFICER, stranger).query().listOfRows();
            assertThat(failures).extracting(row -> row.get("actor")).contains(SECURITY_OFFICER, stranger);
            assertThat(failures).allSatisfy(row -> {
                assertThat(row.get("outcome")).isEqualTo("failure");
                assertThat(row.get("error_code")).isEqualTo("RABT-A004");
                assertThat((String) row.get("detail")).startsWith("GET /api/v1/audit");
            });
        }
    }

    @Test
    void theCommitteeIsRefusedTheAuditLogAndTheRefusalIsInIt() throws Exception {
        assertProblem(HTTP.send(staffRequest(COMMITTEE, "/api/v1/audit/export").build(),
                HttpResponse.BodyHandlers.ofString()), 403, "RABT-A005");

        assertThat(jdbc.sql("""
                SELECT role, outcome, error_code, detail FROM audit_entry
                WHERE action = 'access-denied' AND actor = ? AND detail = 'GET /api/v1/audit/export'""")
                .param(COMMITTEE).query().listOfRows()).isNotEmpty().allSatisfy(row -> {
                    assertThat(row.get("role")).isEqualTo("COMMITTEE");
                    assertThat(row.get("outcome")).isEqualTo("failure");
                    assertThat(row.get("error_code")).isEqualTo("RABT-A005");
                });
    }

    @Test
    void aSuccessfulSignInIsAuditedOnceNotOnEveryRequest() throws Exception {
        OffsetDateTime before = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
        for (int i = 0; i < 3; i++) {
            assertThat(HTTP.send(staffRequest(COORDINATOR, "/api/v1/directory").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }

        List<String> signIns = jdbc.sql("SELECT role FROM audit_entry WHERE action = 'staff-sign-in' AND actor = ?")
                .param(COORDINATOR).query(String.class).list();
        assertThat(signIns).isNotEmpty().containsOnly("COORDINATOR");
        // three requests, each signed in again by HTTP Basic: one entry at most
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'staff-sign-in' AND actor = ? AND at >= ?")
                .params(COORDINATOR, before).query(Long.class).single()).isLessThanOrEqualTo(1);
    }

    @Test
    void sectorsOnTheExchangePortNeedNoStaffSignIn() {
        SectorClient health = sector("health", DATA);

        HttpResponse<String> response = health.get("/exchange/v1/health/cards/" + UUID.randomUUID());

        // the exchange's own answer (no such card for this sector), not a staff sign-in challenge
        assertProblem(response, 404, "RABT-I008");
        assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
    }

    private HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedIn(String user, String password, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPort + path))
                .header("Authorization", StaffCredentials.basic(user, password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
    }
}
