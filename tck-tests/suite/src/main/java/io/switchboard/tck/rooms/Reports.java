package io.switchboard.tck.rooms;

import io.switchboard.DeliveryReport;

/** Delivery reports as the scenarios compare them. */
final class Reports {

    private Reports() {}

    static String format(DeliveryReport report) {
        return "recipients=" + report.recipients() + " queued=" + report.queued() + " delivered=" + report.delivered()
                + " dropped=" + report.dropped() + " failed=" + report.failed();
    }

    static DeliveryReport sum(DeliveryReport a, DeliveryReport b) {
        return new DeliveryReport(
                a.recipients() + b.recipients(),
                a.queued() + b.queued(),
                a.delivered() + b.delivered(),
                a.dropped() + b.dropped(),
                a.failed() + b.failed());
    }
}
