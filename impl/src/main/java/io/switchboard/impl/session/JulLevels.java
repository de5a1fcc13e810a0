package io.switchboard.impl.session;

import java.util.logging.Level;

/** Maps the API's {@link System.Logger.Level} to the java.util.logging level both servers route. */
public final class JulLevels {

    private JulLevels() {}

    /**
     * The JUL level of an API level.
     *
     * @param level a {@link io.switchboard.CloseCategory#logLevel()}
     * @return the level to log at
     */
    public static Level of(System.Logger.Level level) {
        return switch (level) {
            case ALL -> Level.ALL;
            case TRACE -> Level.FINER;
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARNING;
            case ERROR -> Level.SEVERE;
            case OFF -> Level.OFF;
        };
    }
}
