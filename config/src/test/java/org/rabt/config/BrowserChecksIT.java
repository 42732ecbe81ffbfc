package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.config.support.Browser;
import org.rabt.config.support.Browser.Viewport;

/**
 * The checks the console's browser tests rely on, proved able to fail: on small pages written
 * here, Chromium starts without a network, axe-core (from its jar) flags an unlabelled field and
 * unreadable contrast, the sideways-scroll check flags a page wider than a phone, and a clean
 * page passes both.
 */
class BrowserChecksIT {

    private static final String CLEAN = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Clean</title></head>
            <body><a href="#main">Skip to content</a><main id="main"><h1>A clean page</h1>
            <form><label for="q">Name</label> <input id="q" name="q"><button type="submit">Search</button></form>
            </main></body></html>""";

    private static final String INACCESSIBLE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Inaccessible</title></head>
            <body><main><h1>Inaccessible</h1>
            <input id="q" name="q">
            <p style="color:#bbb;background:#fff">Grey on white</p>
            </main></body></html>""";

    private static final String WIDE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Wide</title></head>
            <body><main><h1>Wide</h1><table id="wide-table"><tr><td style="min-width:600px">a wide cell</td></tr></table></main></body></html>""";

    /** The same in Arabic: right to left, a page overflows to the left, and must be caught all the same. */
    private static final String WIDE_RTL = WIDE.replace("<html lang=\"en\">", "<html lang=\"ar\" dir=\"rtl\">");

    private static Browser browser;

    @TempDir
    static Path pages;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(pages.resolve("clean.html"), CLEAN);
        Files.writeString(pages.resolve("inaccessible.html"), INACCESSIBLE);
        Files.writeString(pages.resolve("wide.html"), WIDE);
        Files.writeString(pages.resolve("wide-rtl.html"), WIDE_RTL);
        browser = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCleanPagePassesBothChecksOnAPhone() {
        browser.resize(Viewport.PHONE).open(pages.resolve("clean.html").toUri().toString());

        browser.assertNoHorizontalScroll("clean page").assertAccessible("clean page");
        assertThat(browser.accessibilityViolations()).isEmpty();
    }

    @Test
    void axeFlagsAnUnlabelledFieldAndPoorContrastAndNamesThem() {
        browser.resize(Viewport.DESKTOP).open(pages.resolve("inaccessible.html").toUri().toString());

        assertThat(browser.accessibilityViolations()).contains("label", "color-contrast");
        assertThatThrownBy(() -> browser.assertAccessible("inaccessible page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("inaccessible page")
                .hasMessageContaining("label (critical)")
                .hasMessageContaining("color-contrast (serious)");
    }

    @Test
    void aPageWiderThanAPhoneIsFlaggedWithTheElementsThatOverflow() {
        browser.resize(Viewport.PHONE).open(pages.resolve("wide.html").toUri().toString());

        assertThatThrownBy(() -> browser.assertNoHorizontalScroll("wide page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("390 px window")
                .hasMessageContaining("table#wide-table");
        // the same page fits a desktop window
        browser.resize(Viewport.DESKTOP).assertNoHorizontalScroll("wide page on a desktop");
    }

    @Test
    void aRightToLeftPageWiderThanAPhoneIsFlaggedToo() {
        browser.resize(Viewport.PHONE).open(pages.resolve("wide-rtl.html").toUri().toString());

        assertThat(browser.documentAttribute("dir")).isEqualTo("rtl");
        assertThatThrownBy(() -> browser.assertNoHorizontalScroll("wide Arabic page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("table#wide-table");
    }

    @Test
    void aScreenshotIsAPngOfTheWholePage() throws IOException {
        browser.resize(Viewport.TABLET).open(pages.resolve("clean.html").toUri().toString());

        Path shot = browser.screenshot("browser-checks-clean-tablet");

        byte[] png = Files.readAllBytes(shot);
        assertThat(shot).hasParent(Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("screenshots"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
