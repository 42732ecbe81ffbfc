package org.rabt.config.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which language a console page is in: the remembered choice, else the browser's among ar/fr/en, else French. */
class ConsoleLocalesTest {

    private final ConsoleLocales locales = new ConsoleLocales();

    @Nested
    class WithoutAChoice {

        @Test
        void aBrowserThatSaysNothingGetsFrench() {
            assertThat(locales.resolveLocale(new MockHttpServletRequest())).isEqualTo(ConsoleLocales.FRENCH);
        }

        @Test
        void theBrowsersFirstLanguageAmongTheThreeWinsWhateverItsRegion() {
            assertThat(locales.resolveLocale(browser("de-DE,ar-MA;q=0.8,en;q=0.5"))).isEqualTo(ConsoleLocales.ARABIC);
            assertThat(locales.resolveLocale(browser("en-GB,fr;q=0.9"))).isEqualTo(ConsoleLocales.ENGLISH);
        }

        @Test
        void aBrowserWithNoneOfTheThreeGetsFrench() {
            assertThat(locales.resolveLocale(browser("de-DE,es;q=0.5"))).isEqualTo(ConsoleLocales.FRENCH);
        }
    }

    @Test
    void aChoiceIsKeptInACookieAndOverridesTheBrowser() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        locales.setLocale(browser("en"), response, Locale.forLanguageTag("ar"));
        Cookie kept = response.getCookie(ConsoleLocales.COOKIE);
        assertThat(kept).isNotNull();
        assertThat(kept.getPath()).isEqualTo("/console");
        assertThat(kept.isHttpOnly()).isTrue();

        MockHttpServletRequest next = browser("en");
        next.setCookies(kept);
        assertThat(locales.resolveLocale(next)).isEqualTo(ConsoleLocales.ARABIC);
    }

    @Test
    void aLanguageTheConsoleHasNoWordsForIsIgnored() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        locales.setLocale(browser("en"), response, Locale.GERMAN);

        assertThat(response.getCookie(ConsoleLocales.COOKIE)).isNull();
        MockHttpServletRequest forged = browser("en");
        forged.setCookies(new Cookie(ConsoleLocales.COOKIE, "de"));
        assertThat(locales.resolveLocale(forged)).isEqualTo(ConsoleLocales.ENGLISH);
    }

    @Test
    void onlyArabicIsRightToLeft() {
        assertThat(ConsoleLocales.rightToLeft(ConsoleLocales.ARABIC)).isTrue();
        assertThat(ConsoleLocales.rightToLeft(ConsoleLocales.FRENCH)).isFalse();
        assertThat(ConsoleLocales.rightToLeft(ConsoleLocales.ENGLISH)).isFalse();
    }

    private static MockHttpServletRequest browser(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        // the mock reads its preferred locales from the header, as a servlet container does
        request.addHeader("Accept-Language", acceptLanguage);
        return request;
    }
}
