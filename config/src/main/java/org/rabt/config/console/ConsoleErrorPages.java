package org.rabt.config.console;

import jakarta.servlet.http.HttpServletRequest;
import org.rabt.config.web.FallbackProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's pages for what went wrong, in the page's language rather than a problem document:
 * an address with a malformed id (a file id that is no UUID) is a page that does not exist; a
 * failure of the hub itself (its database away, say) is logged and shown with its code,
 * RABT-H500, so that the person can tell the operator.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrorPages.class)
public class ConsoleErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrorPages.class);

    private final ConsolePageModel layout;

    public ConsoleErrorPages(ConsolePageModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return page("console/not-found", HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(DataAccessException.class)
    ModelAndView failed(DataAccessException failure, HttpServletRequest request) {
        LOG.error("console page {} failed", request.getRequestURI(), failure);
        ModelAndView page = page("console/error", HttpStatus.INTERNAL_SERVER_ERROR, request);
        page.addObject("code", FallbackProblem.INTERNAL.code());
        return page;
    }

    private ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(view);
        // an exception handler's model is new: the layout's attributes are not in it yet
        page.addObject("lang", layout.lang(request));
        page.addObject("dir", layout.dir(request));
        page.addObject("languageLinks", layout.languageLinks(request));
        page.setStatus(status);
        return page;
    }
}
