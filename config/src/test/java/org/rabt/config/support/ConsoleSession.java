package org.rabt.config.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person at the web console, as a browser without JavaScript is one: a cookie jar (the session
 * and the language), forms posted with the CSRF token of the page they came from, and redirects
 * seen rather than followed, so that a test can tell where a sign-in or a card went.
 */
public final class ConsoleSession {

    /** A page as received: its status, where it redirects, and its HTML read with jsoup. */
    public record Page(int status, String location, Document html) {

        /** The one element matching {@code css}; fails the test when there is none. */
        public Element one(String css) {
            Element found = html.selectFirst(css);
            if (found == null) {
                throw new AssertionError("no " + css + " on the page (status " + status + "):\n" + html.outerHtml());
            }
            return found;
        }
    }

    private final URI base;
    private final HttpClient http;

    public ConsoleSession(int staffPort) {
        this.base = URI.create("http://127.0.0.1:" + staffPort);
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in with the login form; the answer is the form's redirect (to /console, or back to the form with ?error). */
    public Page signIn(String user, String password) {
        Page login = get("/console/login");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", user);
        fields.put("password", password);
        return submit(login, "#login-form", fields);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** The session's CSRF token, from the start page's sign-out form (every signed-in page has one). */
    public String csrfToken() {
        Page start = get("/console");
        if (start.location() != null) {
            start = follow(start);
        }
        return start.one("input[name=_csrf]").attr("value");
    }

    /** Follows a redirect an answer gave. */
    public Page follow(Page redirect) {
        if (redirect.location() == null) {
            throw new AssertionError("not a redirect (status " + redirect.status() + ")");
        }
        return get(redirect.location());
    }

    /**
     * Posts the form {@code formCss} of {@code page} as a browser would: its hidden fields (the
     * CSRF token, the idempotency key, the file) with {@code fields} filled in.
     */
    public Page submit(Page page, String formCss, Map<String, String> fields) {
        Element form = page.one(formCss);
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(hidden -> values.put(hidden.attr("name"), hidden.attr("value")));
        values.putAll(fields);
        return post(form.attr("action"), values);
    }

    /** Posts {@code fields} as they are (no token unless given). */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String location = response.headers().firstValue("Location").orElse(null);
            return new Page(response.statusCode(), location, Jsoup.parse(response.body(), base.toString()));
        } catch (IOException e) {
            throw new AssertionError("the console did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
