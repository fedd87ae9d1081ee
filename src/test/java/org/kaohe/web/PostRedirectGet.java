package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.FlashMap;

/**
 * A successful form post as a browser sees it: the POST answers with a redirect (so a reload
 * changes nothing twice), and the page is the GET that follows with the POST's session cookie, so
 * it shows the flash attributes the POST left. Those live in the session, which Spring Session keeps
 * in the database (it is in the filter chain here too): each must serialise, and stay small.
 */
final class PostRedirectGet {

    /** The most a flash attribute may take serialised: a notice, an id, a name; never a report. */
    static final int SMALL = 1_024;

    private PostRedirectGet() {}

    /** Posts as {@code who} (with the form's CSRF token), expects a redirect to {@code page}, and returns that page. */
    static String follow(MockMvc mvc, MockHttpServletRequestBuilder post, RequestPostProcessor who, String page)
            throws Exception {
        MvcResult posted = mvc.perform(post.with(who).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page)).andReturn();
        FlashMap flash = posted.getFlashMap();
        flash.forEach((name, value) -> assertThat(serialisedSize(value))
                .as("flash attribute %s (%s) is small", name, value).isLessThanOrEqualTo(SMALL));
        // The next request of the same browser: its session cookie brings the session back from the
        // database, flash attributes and all (Spring Session keeps them there, not in the request).
        Cookie[] session = posted.getResponse().getCookies();
        assertThat(session).as("the session cookie that carries the flash attributes").isNotEmpty();
        return mvc.perform(get(page).cookie(session).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int serialisedSize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value); // fails for a value that is not Serializable, as Spring Session would
        } catch (IOException e) {
            throw new UncheckedIOException("flash attribute does not serialise: " + value, e);
        }
        return bytes.size();
    }
}
