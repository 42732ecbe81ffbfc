package org.rabt.config.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the console's layout needs on every page: the page's language and direction, and the
 * language switcher's links (the same page, with {@code lang} set).
 */
@ControllerAdvice(basePackageClasses = ConsolePageModel.class)
public class ConsolePageModel {

    @ModelAttribute("lang")
    String lang(HttpServletRequest request) {
        return locale(request).getLanguage();
    }

    @ModelAttribute("dir")
    String dir(HttpServletRequest request) {
        return ConsoleLocales.rightToLeft(locale(request)) ? "rtl" : "ltr";
    }

    /** For each language, this page in it; a refused page forwarded to the 403 page keeps the address asked for. */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded != null ? forwarded.toString() : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded != null ? (forwardedQuery == null ? null : forwardedQuery.toString()) : request.getQueryString();
        Map<String, String> links = new LinkedHashMap<>();
        for (Locale language : ConsoleLocales.SUPPORTED) {
            links.put(language.getLanguage(), UriComponentsBuilder.fromPath(path).query(query)
                    .replaceQueryParam("lang", language.getLanguage()).build().toUriString());
        }
        return links;
    }

    private static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }
}
