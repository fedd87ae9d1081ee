package org.kaohe.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler method of a {@link RefusalPage}: when what its form sent is refused
 * ({@link org.kaohe.errors.RefusedException}), the page shows itself again with the problems beside
 * what was sent, rather than the error page. {@link WebExceptionHandler} does it, for every such method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ShowsRefusal {

    /** A model attribute set true before the page is shown, for it to say which refusal (empty: none). */
    String flag() default "";
}
