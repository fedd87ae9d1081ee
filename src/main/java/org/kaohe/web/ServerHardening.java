package org.kaohe.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets Tomcat pass a path with an encoded slash ({@code %2F}) on to the application instead of
 * answering 400 with its own HTML page: Spring Security's firewall then refuses it, and the refusal
 * reaches {@link ErrorPages} (JSON under /api, a page elsewhere) like every other error.
 */
@Component
@ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
class ServerHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
