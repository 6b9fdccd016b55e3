package io.bosang.service.workbench;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every workbench page shows around its content: the path to switch language on. */
@ControllerAdvice(assignableTypes = {PolicyPages.class, TryPage.class, WorkbenchPages.class, ComparePages.class})
public class PageModel {
    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        // GET pages switch language in place; a form's result page switches to its form (a GET of the same path).
        model.addAttribute("currentPath", request.getRequestURI());
    }
}
