package org.rabt.config.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The console's languages: Arabic (right to left), French (the centre's working language, and
 * the default) and English. A choice made with {@code ?lang=} is kept in a cookie; without one,
 * the browser's first language among the three, else French. Any other language asked for is
 * ignored, so that no page is ever shown in a language the console has no words for.
 */
public final class ConsoleLocales extends CookieLocaleResolver {

    public static final Locale ARABIC = Locale.forLanguageTag("ar");
    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ARABIC, FRENCH, ENGLISH);

    static final String COOKIE = "rabt-lang";

    public ConsoleLocales() {
        super(COOKIE);
        setCookiePath("/console");
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setCookieMaxAge(java.time.Duration.ofDays(365));
        setDefaultLocaleFunction(ConsoleLocales::fromBrowser);
    }

    /** The supported language of {@code locale} (its region dropped), or {@code null} when the console has none. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
    }

    /** Right to left for Arabic. */
    public static boolean rightToLeft(Locale locale) {
        return ARABIC.getLanguage().equals(locale.getLanguage());
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return FRENCH;
        }
        return Collections.list(request.getLocales()).stream().map(ConsoleLocales::supported).filter(l -> l != null)
                .findFirst().orElse(FRENCH);
    }

    /** What pages and labels ask (RequestContextUtils.getLocale): the same answer as {@link #resolveLocaleContext}. */
    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLocaleContext(request).getLocale();
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        Locale locale = supported(super.resolveLocaleContext(request).getLocale());
        return new SimpleLocaleContext(locale == null ? fromBrowser(request) : locale);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        Locale wanted = context == null ? null : supported(context.getLocale());
        if (wanted != null) {
            super.setLocaleContext(request, response, new SimpleLocaleContext(wanted));
        }
    }
}
