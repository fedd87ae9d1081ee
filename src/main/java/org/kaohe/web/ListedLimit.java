package org.kaohe.web;

import org.kaohe.imports.ImportLimits;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * How many problems, failures or changes a page lists before it only counts the rest: the same
 * limit as every answer's ({@link ImportLimits#MAX_PROBLEMS_LISTED}), given to every page's
 * template as {@code listedLimit}.
 */
@ControllerAdvice(basePackageClasses = ListedLimit.class)
class ListedLimit {

    static final int LIMIT = ImportLimits.MAX_PROBLEMS_LISTED;

    @ModelAttribute("listedLimit")
    int listedLimit() {
        return LIMIT;
    }
}
