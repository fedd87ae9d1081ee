package org.kaohe.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lets Tomcat pass a path with an encoded slash ({@code %2F}) on to the application instead of
 * answering 400 with its own HTML page: Spring Security's firewall then refuses it, and the refusal
 * reaches {@link ErrorPages} (JSON under /api, a page elsewhere) like every other error. What Tomcat
 * still answers itself (a URL over 8 KB, {@code %00}) is written by {@link TomcatErrors}.
 */
@Component
@ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
class ServerHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final MessageSource messages;

    ServerHardening(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        factory.addContextCustomizers(context -> {
            // The host adds no valve of the class it already holds: this one replaces Tomcat's page.
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(TomcatErrors.class.getName());
            host.getPipeline().addValve(new TomcatErrors(messages));
        });
    }
}
