package io.switchboard.tck.reconnecting;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;

/**
 * Tells the deployment's configuration which port this server's HTTP listener is on, as the system property
 * {@value #PORT} that the clients' {@code url}s name ({@code ws://127.0.0.1:${...}/...}). A portable extension, so it
 * runs before the application starts and builds its clients.
 *
 * <p>WildFly listens on {@code jboss.http.port} (8080) plus the port offset (0), as the runner starts it. Payara
 * Micro listens where its Arquillian adapter said on the command line: the adapter picks {@code --port} at random
 * from 8080 to 9079 ({@code randomHttpPort}, on by default), and no property carries it. The test compares the
 * clients' address with the deployment's URL, so a wrong guess fails with both addresses named.
 */
public class OwnAddress implements Extension {

    /** The system property holding the port. */
    public static final String PORT = "switchboard.tck.reconnecting.port";

    void publish(@Observes BeforeBeanDiscovery discovery) {
        System.setProperty(PORT, String.valueOf(httpPort()));
    }

    private static int httpPort() {
        if (System.getProperty("jboss.home.dir") != null) {
            return Integer.getInteger("jboss.http.port", 8080)
                    + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        }
        List<String> arguments =
                ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        int option = arguments.indexOf("--port");
        return option >= 0 && option + 1 < arguments.size() ? Integer.parseInt(arguments.get(option + 1)) : 8080;
    }
}
