/**
 * Reconnecting clients in CDI: {@link io.switchboard.impl.client.ClientExtension} finds the names the application
 * uses and adds a bean for each; {@link io.switchboard.impl.client.Clients} builds them from
 * {@code switchboard.client.<name>.*} at start and closes them at stop; {@code ClientEvents} turns their callbacks
 * into CDI events. The client itself is in {@code switchboard-client}.
 */
package io.switchboard.impl.client;
