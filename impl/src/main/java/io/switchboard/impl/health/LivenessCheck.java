package io.switchboard.impl.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * MicroProfile Health's liveness check {@code switchboard} (see {@link HealthReports#liveness()}): down while the
 * session sweeper is dead or stalled. A bean {@link HealthExtension} adds.
 *
 * <p>The qualifier on the class makes no bean of it (it has no bean-defining annotation, and the bean is added with
 * its qualifiers); it is there for Payara, which turns MicroProfile Health on for a deployment only where a class
 * of it carries {@code @Readiness}, {@code @Liveness} or {@code @Startup}.
 */
@Liveness
public final class LivenessCheck implements HealthCheck {

    private final HealthExtension extension;

    LivenessCheck(HealthExtension extension) {
        this.extension = extension;
    }

    @Override
    public HealthCheckResponse call() {
        HealthReports reports = extension.reports();
        return HealthChecks.response(reports == null ? HealthReports.Report.NOT_STARTED : reports.liveness());
    }
}
