package org.rabt.config.staff;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import javax.sql.DataSource;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.staff.StaffRole;
import org.rabt.caserecord.staff.StaffUsers;
import org.rabt.connectors.exchange.ExchangeConnector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the staff port ({@code server.port}); docs/staff-access.md has the matrix. Deny by
 * default: a path not named here is refused to every role. The chains, in order:
 * <ol>
 * <li>{@link #EXCHANGE_PORT}: every request on the exchange port passes untouched. Sectors prove
 *     themselves with their client certificate and signature (ExchangePortFilter and the routes);
 *     they have no staff sign-in.</li>
 * <li>{@link #CONSOLE}: the web console, {@code /console/**}: a form login with a session and CSRF
 *     protection, over the same user store; a refusal is audited and shown as the console's own
 *     403 page (docs/console.md).</li>
 * <li>{@link #STAFF_API}: everything else on the staff port. HTTP Basic (and bearer JWTs when
 *     {@code rabt.security.oidc.issuer-uri} is set), stateless: no session, so no CSRF either.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class StaffSecurityConfiguration {

    static final int EXCHANGE_PORT = 0;
    static final int CONSOLE = 10;
    static final int STAFF_API = 20;

    private static final String[] EVERY_STAFF_ROLE = {StaffRole.SOCIAL_WORKER.name(), StaffRole.COORDINATOR.name(),
            StaffRole.SECURITY_OFFICER.name(), StaffRole.OPERATOR.name(), StaffRole.COMMITTEE.name()};

    @Bean
    @Order(EXCHANGE_PORT)
    SecurityFilterChain exchangePortChain(ExchangeConnector exchange) {
        // a chain with no filters: the exchange port's own door (ExchangePortFilter) is the only one
        return new DefaultSecurityFilterChain(request -> request.getLocalPort() == exchange.localPort());
    }

    @Bean
    @Order(CONSOLE)
    SecurityFilterChain consoleChain(HttpSecurity http, StaffAccessAudit audit) throws Exception {
        String[] workers = {StaffRole.SOCIAL_WORKER.name(), StaffRole.COORDINATOR.name()};
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(requests -> requests
                        // the 403 page a refusal is forwarded to, and the error page
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/console/css/**").permitAll()
                        .requestMatchers("/console/login").permitAll()
                        // each role's start page (the worklist, the audit page, or a page saying there is nothing)
                        .requestMatchers(HttpMethod.GET, "/console").authenticated()
                        .requestMatchers(HttpMethod.GET, "/console/reports", "/console/reports/download")
                        .hasAnyRole(StaffRole.COMMITTEE.name(), StaffRole.COORDINATOR.name())
                        .requestMatchers(HttpMethod.GET, "/console/audit", "/console/audit/**")
                        .hasRole(StaffRole.SECURITY_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/console/dead-letters").hasRole(StaffRole.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/console/dead-letters/*/replay", "/console/dead-letters/*/*/replay")
                        .hasRole(StaffRole.OPERATOR.name())
                        // like the API: the security officer may open a file (without the identity), not list them
                        .requestMatchers(HttpMethod.GET, "/console/children/*/attachments/*").hasAnyRole(workers)
                        .requestMatchers(HttpMethod.GET, "/console/children/*").hasAnyRole(StaffRole.SOCIAL_WORKER.name(),
                                StaffRole.COORDINATOR.name(), StaffRole.SECURITY_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/console/children", "/console/cards/new", "/console/reviews")
                        .hasAnyRole(workers)
                        .requestMatchers(HttpMethod.POST, "/console/cards").hasAnyRole(workers)
                        .requestMatchers(HttpMethod.POST, "/console/reviews/*/merge", "/console/reviews/*/dismiss",
                                "/console/merges/*/undo").hasRole(StaffRole.COORDINATOR.name())
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/console/login").defaultSuccessUrl("/console")
                        .failureUrl("/console/login?error"))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?signed-out"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new ConsoleAccessDeniedHandler(audit)))
                // the pages load nothing from elsewhere, run no inline script and may not be framed
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }

    @Bean
    @Order(STAFF_API)
    SecurityFilterChain staffApiChain(HttpSecurity http, OidcProperties oidc, StaffAccessAudit audit) throws Exception {
        StaffSignInEntryPoint signIn = new StaffSignInEntryPoint(oidc.enabled());
        http.authorizeHttpRequests(requests -> requests
                        // the error page renders the problem of a request already refused or answered
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // load balancers and the README's first check
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(StaffRole.OPERATOR.name())
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole(StaffRole.SECURITY_OFFICER.name())
                        // the cards no retry delivered: the operator looks and replays (docs/architecture.md)
                        .requestMatchers(HttpMethod.GET, "/api/v1/dead-letters", "/api/v1/dead-letters/*")
                        .hasRole(StaffRole.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/dead-letters/*/replay", "/api/v1/dead-letters/*/*/replay")
                        .hasRole(StaffRole.OPERATOR.name())
                        .requestMatchers("/api/v1/directory", "/api/v1/directory/**", "/fhir", "/fhir/**")
                        .hasAnyRole(EVERY_STAFF_ROLE)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").hasAnyRole(EVERY_STAFF_ROLE)
                        // the case record: workers see files with the identity; a security officer
                        // sees a file without it (who did what to it), never a list of children
                        .requestMatchers(HttpMethod.GET, "/api/v1/children/*/attachments/*").hasAnyRole(
                                StaffRole.SOCIAL_WORKER.name(), StaffRole.COORDINATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/children/*").hasAnyRole(StaffRole.SOCIAL_WORKER.name(),
                                StaffRole.COORDINATOR.name(), StaffRole.SECURITY_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/children", "/api/v1/referrals", "/api/v1/reviews")
                        .hasAnyRole(StaffRole.SOCIAL_WORKER.name(), StaffRole.COORDINATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/cards").hasAnyRole(StaffRole.SOCIAL_WORKER.name(),
                                StaffRole.COORDINATOR.name())
                        // de-identified aggregates: the committee, and the coordinator who answers for them
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyRole(StaffRole.COMMITTEE.name(),
                                StaffRole.COORDINATOR.name())
                        // what the national figures are made of: the accountable role decides (docs/staff-access.md)
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports/national/imports")
                        .hasRole(StaffRole.COORDINATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/reviews/*/merge", "/api/v1/reviews/*/dismiss",
                                "/api/v1/merges/*/undo").hasRole(StaffRole.COORDINATOR.name())
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName(StaffSignInEntryPoint.REALM).authenticationEntryPoint(signIn))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn)
                        .accessDeniedHandler(new StaffAccessDeniedHandler(audit)));
        if (oidc.enabled()) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(signIn)
                    .accessDeniedHandler(new StaffAccessDeniedHandler(audit))
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new StaffRoleClaims(oidc.rolesClaim()))));
        }
        return http.build();
    }

    /** Only with an issuer; fetched on first use, so a hub starts while its identity provider is away. */
    @Bean
    @ConditionalOnProperty("rabt.security.oidc.issuer-uri")
    JwtDecoder staffJwtDecoder(OidcProperties oidc) {
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(oidc.issuerUri()));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    StaffUsers staffUsers(DataSource dataSource) {
        return new StaffUsers(JdbcClient.create(dataSource));
    }

    @Bean
    UserDetailsService staffUserDetailsService(StaffUsers users) {
        return new StaffUserDetailsService(users);
    }

    /** Sign-in successes and failures become events, which {@link StaffAccessAudit} records. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events);
    }

    @Bean
    StaffAccessAudit staffAccessAudit(AuditStore audit, Clock clock) {
        return new StaffAccessAudit(audit, clock);
    }

    @Bean
    ApplicationRunner staffUsersBootstrap(StaffUsers users, PasswordEncoder passwords, Clock clock,
            @Value("${rabt.demo:false}") boolean demo) {
        return arguments -> new StaffUsersBootstrap(users, passwords, clock, System.out).run(demo);
    }
}
