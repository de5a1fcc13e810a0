package io.switchboard.impl.health;

import io.switchboard.impl.config.Settings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;

/**
 * Adds the readiness and liveness checks named {@code switchboard} to the deployment, as application-scoped beans,
 * where MicroProfile Health's API is there (Payara, WildFly; not a bare Weld SE) and
 * {@code switchboard.health.enabled} is not {@code false}. Only {@link HealthChecks}, called once the API is known
 * to load, names MicroProfile Health's types.
 *
 * <p>The checks are beans this extension adds, each given this extension, through which they reach
 * {@link HealthReports} (which hands itself over as the application starts): Payara puts the beans an extension adds
 * into a bean archive of their own that sees no other, so an injection point or a look-up in them would find no
 * Switchboard bean there (the same holds for {@code impl.client.ClientExtension}'s).
 */
public class HealthExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(HealthExtension.class.getName());

    /** The type whose presence says MicroProfile Health is there. */
    static final String API = "org.eclipse.microprofile.health.HealthCheck";

    private volatile HealthReports reports;

    void addChecks(@Observes AfterBeanDiscovery discovery) {
        if (!available(HealthExtension.class.getClassLoader())) {
            LOG.fine("Switchboard: no MicroProfile Health API; no health checks");
            return;
        }
        if (!HealthSettings.read(Settings.global()).enabled()) {
            LOG.info("Switchboard: health checks are off (switchboard.health.enabled=false)");
            return;
        }
        HealthChecks.addTo(discovery, this);
        LOG.fine("Switchboard: readiness and liveness checks 'switchboard' added to MicroProfile Health");
    }

    /**
     * The deployment's reports, as the application starts.
     *
     * @param started the reports
     */
    void serve(HealthReports started) {
        reports = started;
    }

    /**
     * The deployment's reports.
     *
     * @return them, or {@code null} until the application has started
     */
    HealthReports reports() {
        return reports;
    }

    /**
     * Whether MicroProfile Health's API can be loaded.
     *
     * @param loader the class loader of the deployment's Switchboard
     * @return whether it can
     */
    static boolean available(ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
