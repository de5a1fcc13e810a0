package io.switchboard.tck.harness;

import java.io.File;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registered through {@code META-INF/services}: Arquillian loads it in every runner that has this jar. */
public class SwitchboardHarnessExtension implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(SwitchboardHarnessExtension.class.getName());

    @Override
    public void register(ExtensionBuilder builder) {
        logNetwork();
        // The runners point java.io.tmpdir into target/, where the adapters export each WAR; it may not exist yet.
        new File(System.getProperty("java.io.tmpdir")).mkdirs();
        builder.service(ApplicationArchiveProcessor.class, SwitchboardArchiveProcessor.class);
        builder.observer(ClientDeploymentObserver.class);
        builder.observer(FailedDeploymentObserver.class);
    }

    /** One line in the build log showing whether the test JVM (and so the servers it starts) sees only loopback. */
    private static void logNetwork() {
        try {
            String interfaces = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .map(NetworkInterface::getName)
                    .sorted()
                    .collect(Collectors.joining(", "));
            LOG.info("Switchboard TCK harness: network interfaces of the test JVM: " + interfaces);
        } catch (SocketException e) {
            LOG.info("Switchboard TCK harness: cannot list network interfaces: " + e);
        }
    }
}
