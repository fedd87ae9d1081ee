package org.kaohe.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.autoconfigure.web.ConditionalOnEnabledResourceChain;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The links pages write to a webjar ({@code /webjars/echarts/...}) get the webjar's version, as
 * Spring Boot's own {@link ResourceUrlEncodingFilter} does (on because webjars-locator-lite is on the
 * class path); every other link is left as written. Boot's filter looks every link a page writes up
 * as a static resource: a link to a page (a results page writes some 60: rows, sorts, tabs, pager)
 * is searched for in each static location of every jar of the class path, found nowhere, and the
 * miss is not remembered. That was half of the results page's time at 100,000 cadres. No version
 * strategy is set for {@code /css} and {@code /js}, so the webjars' links are the only ones it
 * changes: only they are looked up. Replaces Boot's filter (its bean steps aside for one of this type).
 */
@Configuration
class WebjarLinks {

    static final String WEBJARS = "/webjars/";

    @Bean
    @ConditionalOnEnabledResourceChain // as Boot's: without the resource chain no link has a version to get
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new WebjarsOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR); // as Boot registers its own
        return registration;
    }

    /** Boot's filter, asked about the webjars' links only; the rest go to the response it wraps. */
    static final class WebjarsOnly extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletResponse unwrapped = (HttpServletResponse) response;
            String webjars = ((HttpServletRequest) request).getContextPath() + WEBJARS;
            super.doFilter(request, response, (wrappedRequest, resolving) -> chain.doFilter(wrappedRequest,
                    new HttpServletResponseWrapper((HttpServletResponse) resolving) {
                        @Override
                        public String encodeURL(String url) {
                            return url.startsWith(webjars) ? super.encodeURL(url) : unwrapped.encodeURL(url);
                        }
                    }));
        }
    }
}
