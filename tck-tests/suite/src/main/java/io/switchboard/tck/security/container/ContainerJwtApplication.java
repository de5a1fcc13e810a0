package io.switchboard.tck.security.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Turns the server's own MicroProfile JWT on for the deployment: it then authenticates requests, WebSocket
 * upgrades included, from the {@code Authorization} header, before Switchboard's filter looks at them.
 */
@ApplicationScoped // Payara's MP-JWT finds @LoginConfig only on a CDI bean
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/api")
public class ContainerJwtApplication extends Application {}
