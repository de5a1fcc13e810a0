package io.switchboard.tck.harness;

import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Puts Switchboard into every {@link WebArchive} a test deploys, the way a user would: its jars in
 * {@code WEB-INF/lib}. The jars are the files in the directory named by the system property
 * {@value #LIBRARIES_PROPERTY}, which each runner's build fills with switchboard-impl and its runtime dependencies.
 * Test classes annotated {@link WithoutSwitchboard} are deployed untouched.
 */
public class SwitchboardArchiveProcessor implements ApplicationArchiveProcessor {

    public static final String LIBRARIES_PROPERTY = "switchboard.tck.libraries";

    private static final Logger LOG = Logger.getLogger(SwitchboardArchiveProcessor.class.getName());

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        if (!(archive instanceof WebArchive war)) {
            return;
        }
        if (testClass.isAnnotationPresent(WithoutSwitchboard.class)) {
            LOG.info(() -> archive.getName() + " for " + testClass.getName() + ": deployed without Switchboard");
            return;
        }
        List<File> jars = libraries();
        for (File jar : jars) {
            ArchivePath path = ArchivePaths.create("WEB-INF/lib", jar.getName());
            if (!war.contains(path)) {
                war.addAsLibrary(jar);
            }
        }
        LOG.info(() -> archive.getName() + " for " + testClass.getName() + ": added "
                + jars.stream().map(File::getName).toList());
    }

    /** Fails loudly rather than let a misconfigured runner test plain deployments under Switchboard's name. */
    static List<File> libraries() {
        String dir = System.getProperty(LIBRARIES_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + LIBRARIES_PROPERTY
                    + " is not set: the runner must name the directory holding switchboard-impl and its dependencies");
        }
        File[] jars = new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || Arrays.stream(jars).noneMatch(j -> j.getName().startsWith("switchboard-impl"))) {
            throw new IllegalStateException(LIBRARIES_PROPERTY + "=" + dir
                    + " holds no switchboard-impl jar: run the runner's build to at least pre-integration-test");
        }
        return Arrays.stream(jars).sorted(Comparator.comparing(File::getName)).toList();
    }
}
