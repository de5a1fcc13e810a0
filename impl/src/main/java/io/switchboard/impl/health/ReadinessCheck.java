package io.switchboard.impl.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health's readiness check {@code switchboard} (see {@link HealthReports#readiness()}): down while the
 * application drains, while the backplane is unreachable, and, where asked, while an endpoint is full; down too until
 * the application has started. A bean {@link HealthExtension} adds.
 *
 * <p>The qualifier on the class makes no bean of it (it has no bean-defining annotation, and the bean is added with
 * its qualifiers); it is there for Payara, which turns MicroProfile Health on for a deployment only where a class
 * of it carries {@code @Readiness}, {@code @Liveness} or {@code @Startup}.
 */
@Readiness
public final class ReadinessCheck implements HealthCheck {

    private final HealthExtension extension;

    ReadinessCheck(HealthExtension extension) {
        this.extension = extension;
    }

    @Override
    public HealthCheckResponse call() {
        HealthReports reports = extension.reports();
        return HealthChecks.response(reports == null ? HealthReports.Report.STARTING : reports.readiness());
    }
}
