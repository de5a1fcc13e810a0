/**
 * How Switchboard attaches itself to a WAR: a {@code ServletContainerInitializer} that scans, a listener that
 * registers a bridge per endpoint, and a {@code ServerApplicationConfig} that keeps the container from
 * deploying the bridged classes itself. See {@code docs/architecture.md}.
 */
package io.switchboard.impl.extension;
