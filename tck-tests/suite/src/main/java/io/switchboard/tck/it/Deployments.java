package io.switchboard.tck.it;

import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WARs the container tests deploy: only the test's own classes. The harness adds Switchboard's
 * implementation unless the test class is annotated {@code @WithoutSwitchboard}.
 */
final class Deployments {

    private Deployments() {}

    /**
     * A WAR of the classes of the given packages (not their sub-packages), without {@code beans.xml}, with the
     * suite's clients and the probes' shared code.
     */
    static WebArchive of(String name, Class<?>... packages) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war");
        for (Class<?> marker : packages) {
            war.addPackage(marker.getPackage());
        }
        war.addPackage(io.switchboard.tck.client.TestClient.class.getPackage());
        war.addPackage(io.switchboard.tck.probe.LineLog.class.getPackage());
        return war;
    }

    /** The same WAR with MicroProfile Config properties. */
    static WebArchive withConfig(WebArchive war, String properties) {
        return war.addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }

    /** The same WAR with a {@code beans.xml} that makes every class a bean. */
    static WebArchive withAllBeans(WebArchive war) {
        return war.addAsWebInfResource(new StringAsset("""
                <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
                """), "beans.xml");
    }

    /**
     * The same WAR with test pages for {@link io.switchboard.tck.browser.Browser}: each named page from the suite's
     * {@code browser/} resources, and {@code report.js}, which every page includes, all served under
     * {@code browser/} of the WAR.
     */
    static WebArchive withBrowserPages(WebArchive war, String... pages) {
        war.addAsWebResource("browser/report.js", "browser/report.js");
        for (String page : pages) {
            war.addAsWebResource("browser/" + page, "browser/" + page);
        }
        return war;
    }

    /** The WebSocket base URI of a deployment, from its HTTP URL. */
    static URI webSocketBase(URL http) {
        String url = http.toExternalForm();
        return URI.create("ws" + url.substring(url.indexOf(':')) + (url.endsWith("/") ? "" : "/"));
    }
}
