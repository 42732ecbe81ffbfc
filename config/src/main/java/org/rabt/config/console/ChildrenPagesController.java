package org.rabt.config.console;

import java.util.Optional;
import java.util.UUID;
import org.rabt.caserecord.children.ChildFile;
import org.rabt.config.caserecord.CaseRecordAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The children's files in the console: the search, and one child's consolidated file. Both go
 * through {@link CaseRecordAccess}, which decides who sees the identity and audits every search
 * and every view.
 */
@Controller
public class ChildrenPagesController {

    private final CaseRecordAccess access;
    private final ConsoleProperties properties;

    public ChildrenPagesController(CaseRecordAccess access, ConsoleProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    @GetMapping("/console/children")
    public String search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "offset", defaultValue = "0") int offset, Authentication who, Model model) {
        int page = properties.pageSize();
        int from = Math.max(0, offset);
        var found = access.search(q, page, from, who);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("children", found);
        model.addAttribute("offset", from);
        model.addAttribute("previousOffset", from > 0 ? Math.max(0, from - page) : null);
        model.addAttribute("nextOffset", found.size() == page ? from + page : null);
        return "console/children";
    }

    @GetMapping("/console/children/{fileId}")
    public ModelAndView file(@PathVariable("fileId") UUID fileId, @RequestParam(name = "sent", required = false) UUID sent,
            Authentication who) {
        Optional<ChildFile> file = access.view(fileId, who);
        if (file.isEmpty()) {
            ModelAndView notFound = new ModelAndView("console/not-found");
            notFound.setStatus(HttpStatus.NOT_FOUND);
            return notFound;
        }
        ModelAndView page = new ModelAndView("console/child");
        page.addObject("file", file.get());
        page.addObject("sent", sent);
        page.addObject("mayWrite", ConsoleRoles.works(who));
        return page;
    }
}
