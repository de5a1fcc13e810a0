package io.switchboard.client;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a configured client. On an injection point it selects the client whose settings are
 * {@code switchboard.client.<name>.*}:
 *
 * <pre>{@code
 * @Inject @WebSocketClient("prices") ReconnectingSocket prices;
 * }</pre>
 *
 * <p>On an observer it selects the events of that client ({@link ClientMessage}, {@link ClientStateChanged},
 * {@link ClientConnected}); on a {@link TokenSupplier} bean it gives that client its tokens. Every named client is
 * checked when the application starts: a missing {@code url} or a bad setting fails the deployment, naming the
 * client, the key and the value.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface WebSocketClient {

    /**
     * The client's name: letters, digits, {@code -} and {@code _}.
     *
     * @return the name
     */
    String value();

    /** An instance of the qualifier, for programmatic lookups and events. */
    final class Literal extends AnnotationLiteral<WebSocketClient> implements WebSocketClient {
        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier for one client.
         *
         * @param name the client's name
         * @return the qualifier
         */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
