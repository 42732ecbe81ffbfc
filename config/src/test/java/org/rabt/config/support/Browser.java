package org.rabt.config.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A real browser for the console's tests: Debian's headless Chromium driven through Debian's
 * chromedriver, both named explicitly so that Selenium Manager downloads nothing (the tests run
 * without a network), with a fresh profile that is deleted on {@link #close()}. It knows the page
 * contract of docs/console.md (sign-in form, language links) and the checks every page must pass:
 * no horizontal scrolling, and no serious or critical WCAG 2 A/AA violation found by axe-core.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("rabt.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("rabt.test.chromedriver", "/usr/bin/chromedriver"));

    /** The WCAG 2.0, 2.1 and 2.2 level A and AA rules of axe-core. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** Impacts that fail a page; minor and moderate findings are reported, not failed on. */
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Selenium looks for DevTools bindings matching the browser's version and warns when it has
     * none; the only DevTools calls here are chromedriver's raw {@code executeCdpCommand}, which
     * need none. Held in a field: java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    /** The window sizes the console must serve: a desktop, a tablet held upright, a phone. */
    public enum Viewport {
        DESKTOP(1280, 900), TABLET(820, 1180), PHONE(390, 844);

        private final int width;
        private final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private String baseUrl = "";

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts Chromium at desktop size; screenshots go to {@code target/screenshots} of the module under test. */
    public static Browser start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("rabt-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile,
                        // the same first language everywhere (else the machine's), until a test picks one
                        "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw e;
        }
        Browser browser = new Browser(driver, profile,
                Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("screenshots"));
        try {
            return browser.resize(Viewport.DESKTOP);
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /** Where relative paths given to {@link #open(String)} are resolved, e.g. {@code http://127.0.0.1:8080}. */
    public Browser at(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Gives the page {@code viewport}'s width and height in CSS pixels (headless Chromium has no
     * window frame, so the window size is the page's), and checks that the page got it: a
     * horizontal-scroll check at a width the browser silently refused would prove nothing.
     */
    public Browser resize(Viewport viewport) {
        driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
        Number innerWidth = (Number) script("return window.innerWidth");
        assertThat(innerWidth.intValue()).as("the page's width in a %s window", viewport).isEqualTo(viewport.width);
        return this;
    }

    /** Opens {@code pathOrUrl} (relative to {@link #at(String)}) and waits for the document. */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") || pathOrUrl.startsWith("file:") ? pathOrUrl : baseUrl + pathOrUrl);
        return this;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks {@code css} (a link or a form's button) and waits until the browser has left the
     * page, so that what follows reads the next page, not the one clicked on.
     */
    public Browser clickThrough(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, WAIT).withMessage(() -> "clicking " + css + " left " + currentPath() + " unchanged")
                .until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !findAll(css).isEmpty();
    }

    /** The path and query of the current page, without the base URL. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Waits until the current page's path starts with {@code prefix}. */
    public Browser awaitPath(String prefix) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "expected a page under " + prefix + ", still on " + currentPath())
                .until(d -> currentPath().startsWith(prefix));
        return this;
    }

    /** Signs in through the console's form (see {@link #attemptSignIn}) and fails unless the console let the user in. */
    public Browser signIn(String user, String password) {
        attemptSignIn(user, password);
        assertThat(currentPath()).as("signing in as %s", user).doesNotStartWith("/console/login");
        return this;
    }

    /**
     * Signs in through the console's form as a person would (typing, then the sign-in button),
     * after dropping any earlier session; returns once the browser has left the sign-in page or
     * shows {@code #login-error}.
     */
    public Browser attemptSignIn(String user, String password) {
        driver.manage().deleteAllCookies();
        open("/console/login");
        WebElement username = find("#username");
        username.clear();
        username.sendKeys(user);
        WebElement passwordField = find("#password");
        passwordField.clear();
        passwordField.sendKeys(password);
        WebElement form = find("form#login-form");
        find("#sign-in").click();
        new WebDriverWait(driver, WAIT).until(d -> gone(form)
                && (!currentPath().startsWith("/console/login") || has("#login-error")));
        return this;
    }

    /**
     * Whether the element left the document (the page changed). Besides Selenium's stale element,
     * Chromium sometimes answers a look-up during the navigation with "Node with given id does
     * not belong to the document", which means the same.
     */
    private static boolean gone(WebElement element) {
        try {
            return ExpectedConditions.stalenessOf(element).apply(null);
        } catch (org.openqa.selenium.WebDriverException lookupDuringNavigation) {
            String message = String.valueOf(lookupDuringNavigation.getMessage());
            if (message.contains("does not belong to the document")) {
                return true;
            }
            throw lookupDuringNavigation;
        }
    }

    /** Follows the page's language link ({@code #lang-ar}, {@code #lang-fr}, {@code #lang-en}) and waits for the page in that language. */
    public Browser switchLanguage(String language) {
        clickThrough("#lang-" + language);
        new WebDriverWait(driver, WAIT).withMessage(() -> "the page did not switch to " + language)
                .until(d -> language.equals(documentAttribute("lang")));
        return this;
    }

    /** An attribute of the {@code <html>} element ({@code lang}, {@code dir}). */
    public String documentAttribute(String name) {
        return driver.findElement(By.tagName("html")).getDomAttribute(name);
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Fails when the page is wider than the window, i.e. a person has to scroll sideways to read
     * it (to the right, or to the left on a right-to-left page); the message names the first
     * elements that stick out.
     */
    public Browser assertNoHorizontalScroll(String page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> widths = (Map<String, Object>) script("""
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 || r.left < -1; })
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
                return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide: wide.join(', ')};""");
        long scrollWidth = ((Number) widths.get("scroll")).longValue();
        long innerWidth = ((Number) widths.get("inner")).longValue();
        assertThat(scrollWidth).as("%s: page %d px wide in a %d px window (too wide: %s)", page, scrollWidth, innerWidth,
                widths.get("wide")).isLessThanOrEqualTo(innerWidth);
        return this;
    }

    /**
     * Runs axe-core (the copy inside Deque's jar, injected into the page) over the current page
     * with the WCAG 2 A and AA rules, and fails on any violation of serious or critical impact;
     * the message names every violation found, with its impact and first elements, so one run
     * tells what to mend.
     */
    public Browser assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
        assertThat(results.isErrored()).as("%s: axe-core failed to run: %s", page, results.getErrorMessage()).isFalse();
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            // minor and moderate findings do not fail the page, but a reader of the run should see them
            System.out.printf("axe-core on %s:%n%s%n", page, describe(violations));
        }
        assertThat(violations.stream().filter(rule -> FAILING_IMPACTS.contains(rule.getImpact())).toList())
                .as("%s: accessibility violations (serious or critical fail):%n%s", page, describe(violations))
                .isEmpty();
        return this;
    }

    /** The ids of axe-core's WCAG 2 A/AA violations on the current page, whatever their impact. */
    public List<String> accessibilityViolations() {
        return new AxeBuilder().withTags(WCAG_A_AA).analyze(driver).getViolations().stream().map(Rule::getId).toList();
    }

    static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                + " — " + rule.getNodes().stream().limit(3).map(Browser::target).collect(Collectors.joining("; "))
                + (rule.getNodes().size() > 3 ? "; … " + rule.getNodes().size() + " elements" : ""))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String target(CheckedNode node) {
        return String.valueOf(node.getTarget());
    }

    /**
     * Saves the whole page (beyond the window, through the DevTools protocol) as
     * {@code target/screenshots/<name>.png}, for a person to look at after the run.
     */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            // the page's whole size, measured by the page itself (DevTools' layout metrics may
            // still read 0 right after a resize)
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) script("""
                    const root = document.documentElement;
                    return {width: Math.max(root.scrollWidth, window.innerWidth),
                            height: Math.max(root.scrollHeight, window.innerHeight)};""");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", ((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits Chromium and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
