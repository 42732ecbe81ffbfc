package org.rabt.config.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** A console address with a malformed id (a file id that is no UUID) is a page that does not exist, shown as one. */
@ControllerAdvice(basePackageClasses = ConsoleNotFoundAdvice.class)
public class ConsoleNotFoundAdvice {

    private final ConsolePageModel layout;

    public ConsoleNotFoundAdvice(ConsolePageModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView notFound(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("console/not-found");
        // an exception handler's model is new: the layout's attributes are not in it yet
        page.addObject("lang", layout.lang(request));
        page.addObject("dir", layout.dir(request));
        page.addObject("languageLinks", layout.languageLinks(request));
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
