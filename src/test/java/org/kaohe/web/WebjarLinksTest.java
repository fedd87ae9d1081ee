package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The one filter that rewrites the links pages write is {@link WebjarLinks}' (webjars only): Spring
 * Boot's own, which looks every link up as a static resource, is not registered beside it.
 * (That the webjars' links still get their version: {@code SignalFacesTest}.)
 */
@KaoheTest
class WebjarLinksTest {

    @Autowired List<FilterRegistrationBean<?>> registrations;

    @Test
    void theOnlyLinkRewritingFilterIsTheWebjarsOne() {
        assertThat(registrations).map(FilterRegistrationBean::getFilter)
                .filteredOn(filter -> filter instanceof ResourceUrlEncodingFilter)
                .singleElement().isInstanceOf(WebjarLinks.WebjarsOnly.class);
    }
}
