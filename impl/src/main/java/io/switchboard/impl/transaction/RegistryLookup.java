package io.switchboard.impl.transaction;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * Finds the server's JTA through the standard name {@value #NAME}. Three answers: the server's transactions; none,
 * where the server has no JTA or no JNDI at all (Weld SE with Tyrus), which is final and said once at INFO; or no
 * answer on this thread ({@code null}: JNDI is there but did not resolve the name here), which the caller does not
 * keep, so the next call looks again.
 */
final class RegistryLookup {

    /** Where Jakarta EE servers bind the registry (the Jakarta EE platform specification). */
    static final String NAME = "java:comp/TransactionSynchronizationRegistry";

    private static final Logger LOG = Logger.getLogger(RegistryLookup.class.getName());

    private static final String REGISTRY_TYPE = "jakarta.transaction.TransactionSynchronizationRegistry";

    private RegistryLookup() {}

    /**
     * Looks the registry up.
     *
     * @param droppedByRollback what the transactions call for each send dropped by a rollback
     * @return the server's transactions; {@link Transactions#NONE} where there are none; {@code null} where this
     *     thread cannot tell
     */
    static Transactions find(Runnable droppedByRollback) {
        try {
            Class.forName(REGISTRY_TYPE, false, RegistryLookup.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return none("the Jakarta Transactions API is not there");
        }
        Object found;
        try {
            found = new InitialContext().lookup(NAME);
        } catch (NoInitialContextException noJndi) {
            return none("there is no JNDI");
        } catch (NamingException | RuntimeException e) {
            LOG.log(
                    Level.FINE,
                    "Switchboard: " + NAME + " did not resolve on thread "
                            + Thread.currentThread().getName(),
                    e);
            return null;
        }
        if (found == null) {
            return none(NAME + " names nothing");
        }
        LOG.fine(() -> "Switchboard: afterCommit() sends follow the transactions of "
                + found.getClass().getName());
        return JtaTransactions.of(found, droppedByRollback);
    }

    private static Transactions none(String why) {
        LOG.info(() -> "Switchboard: " + why + ", so afterCommit() sends at once: no send waits for a transaction");
        return Transactions.NONE;
    }
}
