package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.browser.Browser;
import io.switchboard.tck.browserclient.ResumingEndpoint;
import io.switchboard.tck.browserclient.driver.BrowserClientScenarios;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code switchboard.js} on a real server: the impl jar serves it to every WAR, and a page of the WAR that imports it
 * follows a room through drops, refused tokens and a restart of the application ({@link BrowserClientScenarios}).
 *
 * <p>The restart differs by container, for what each Arquillian adapter can do:
 *
 * <ul>
 *   <li>WildFly: a second, unmanaged deployment of the same WAR, undeployed and deployed again through
 *       {@link Deployer} while the page follows it: a redeploy in the same server, at the same address.
 *   <li>Payara Micro: its adapter runs one Payara Micro process per deployment, on a port of its choosing (8080 plus
 *       a random number under 1000), and keeps only the latest deployment's process: a second deployment of this
 *       class would orphan the first one's server. A redeploy at the same address is a restart of that process,
 *       which the test does itself: it stops the process the adapter started for this class's WAR and starts the
 *       same command line again (same flags, same WAR, the port it had); the new server serves the rest of the class
 *       and is stopped after it.
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class BrowserClientIT extends BrowserClientScenarios {

    private static final Logger LOG = Logger.getLogger(BrowserClientIT.class.getName());

    private static final String MAIN = "browser-client";
    private static final String RESTARTABLE = "browser-client-restartable";
    private static final String MODULE = "switchboard/switchboard.js";
    private static final Duration START = Duration.ofMinutes(3);

    /** The Payara Micro this class started in place of the adapter's, if it did. */
    private static Process restartedPayara;

    @ArquillianResource
    @OperateOnDeployment(MAIN)
    URL url;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = MAIN, testable = false)
    public static WebArchive deployment() {
        return war(MAIN);
    }

    /** Deployed by the restart test on WildFly only. */
    @Deployment(name = RESTARTABLE, managed = false, testable = false)
    public static WebArchive restartableDeployment() {
        return war(RESTARTABLE);
    }

    /** The endpoints and the page; the module it imports comes from switchboard-impl, which the harness adds. */
    private static WebArchive war(String name) {
        return Deployments.of(name, ResumingEndpoint.class)
                .addAsWebResource("browserclient/resume.html", "browserclient/resume.html");
    }

    @AfterAll
    static void stopRestartedPayara() {
        if (restartedPayara != null) {
            stop(restartedPayara.toHandle());
            restartedPayara = null;
        }
    }

    @Test
    void theImplJarServesTheModuleToAWarWithoutAnyConfiguration() throws Exception {
        // The WAR as the test builds it: no module, no web.xml; the harness only adds jars to WEB-INF/lib.
        assertThat(deployment().getContent().keySet().stream().map(ArchivePath::get))
                .noneMatch(path -> path.endsWith(".js") || path.endsWith("web.xml"))
                .contains("/browserclient/resume.html");

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(new URL(url, MODULE).toURI())
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        // A module script must come as JavaScript, or browsers refuse to run it.
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).matches("(?i)(text|application)/javascript(\\s*;.*)?"));
        assertThat(response.body()).isEqualTo(moduleInImplJar());
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("export function connect(url, options = {})");
    }

    @Override
    protected URL page() {
        return resolve(url, "browserclient/resume.html");
    }

    @Override
    protected URI webSocketBase() {
        return Deployments.webSocketBase(url);
    }

    /**
     * Payara Micro now and then answers {@code 404} to the handshake that follows a close the application started
     * (payara/Payara#5432, open): once Tyrus has closed the servlet connection, Grizzly reads the browser's answer to
     * the close frame as a request ({@code NullPointerException}s in {@code URLDecoder}, {@code Method.CUSTOM},
     * {@code HttpServerFilter.afterService}), and a handshake soon after is not routed to the application. The page
     * backs off and comes back, with every broadcast once. WildFly refuses none. See
     * docs/architecture.md, "A close the server starts, answered at once".
     */
    @Override
    protected boolean knownContainerRefusal(String answer) {
        return Server.running() == Server.PAYARA_MICRO
                && answer.equals("Error during WebSocket handshake: Unexpected response code: 404");
    }

    @Override
    protected Restartable restartable() throws Exception {
        return switch (Server.running()) {
            case WILDFLY -> redeployedInWildFly();
            case PAYARA_MICRO -> restartedPayaraMicro();
        };
    }

    /** A second deployment of the WAR, which {@link Deployer} undeploys and deploys again in the same server. */
    private Restartable redeployedInWildFly() {
        deployer.deploy(RESTARTABLE);
        URL base = resolve(url, "/" + RESTARTABLE + "/");
        return new Restartable() {
            @Override
            public URL page() {
                return resolve(base, "browserclient/resume.html");
            }

            @Override
            public URI webSocketBase() {
                return Deployments.webSocketBase(base);
            }

            @Override
            public void restart() {
                long start = System.nanoTime();
                deployer.undeploy(RESTARTABLE);
                long undeployed = System.nanoTime();
                deployer.deploy(RESTARTABLE);
                LOG.info(() -> "Redeployed " + RESTARTABLE + ": undeploy "
                        + TimeUnit.NANOSECONDS.toMillis(undeployed - start) + " ms, deploy "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - undeployed) + " ms");
            }

            @Override
            public void close() {
                deployer.undeploy(RESTARTABLE);
            }
        };
    }

    /** This class's own WAR, on the Payara Micro process serving it, which the test stops and starts again. */
    private Restartable restartedPayaraMicro() {
        List<String> command = payaraCommand(url);
        return new Restartable() {
            @Override
            public URL page() {
                return BrowserClientIT.this.page();
            }

            @Override
            public URI webSocketBase() {
                return BrowserClientIT.this.webSocketBase();
            }

            @Override
            public void restart() throws Exception {
                long start = System.nanoTime();
                stop(restartedPayara != null ? restartedPayara.toHandle() : payaraServing(url));
                long stopped = System.nanoTime();
                Path log = Path.of(System.getProperty(Browser.LOGS, "target/browser"))
                        .resolve("payara-micro-restarted.log");
                Files.createDirectories(log.getParent());
                restartedPayara = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                awaitModule(restartedPayara, log);
                LOG.info(() -> "Restarted Payara Micro on " + url + ": stop "
                        + TimeUnit.NANOSECONDS.toMillis(stopped - start) + " ms, start "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped) + " ms");
            }

            @Override
            public void close() {
                // The restarted server serves the rest of the class; stopRestartedPayara ends it.
            }
        };
    }

    /** The command line that started the Payara Micro serving {@code base}, to bind the same port again. */
    private static List<String> payaraCommand(URL base) {
        ProcessHandle serving = payaraServing(base);
        List<String> command = new ArrayList<>();
        command.add(serving.info().command().orElseThrow());
        command.addAll(Arrays.asList(serving.info().arguments().orElseThrow()));
        int port = command.indexOf("--port");
        if (port < 0) {
            command.addAll(List.of("--port", Integer.toString(base.getPort())));
        } else {
            command.set(port + 1, Integer.toString(base.getPort()));
        }
        return command;
    }

    /** The process, a child of this JVM, that the adapter started for this class's WAR. */
    private static ProcessHandle payaraServing(URL base) {
        String war = File.separator + MAIN + ".war";
        List<ProcessHandle> found = ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(process -> {
                    List<String> arguments =
                            Arrays.asList(process.info().arguments().orElse(new String[0]));
                    int deploy = arguments.indexOf("--deploy");
                    return deploy >= 0
                            && deploy + 1 < arguments.size()
                            && arguments.get(deploy + 1).endsWith(war)
                            && arguments.stream().anyMatch(argument -> argument.contains("payara-micro"));
                })
                .toList();
        assertThat(found)
                .as("the Payara Micro process serving %s among this JVM's children", base)
                .hasSize(1);
        return found.get(0);
    }

    /** Asks a server's JVM to shut down, as a host would, and kills it if it has not within a minute. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the restarted server serves the module again. */
    private void awaitModule(Process process, Path log) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(resolve(url, MODULE).toString()))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The restarted Payara Micro exited with " + process.exitValue() + "; see "
                        + log.toAbsolutePath());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The restarted Payara Micro did not serve " + MODULE + " within " + START + "; see "
                + log.toAbsolutePath());
    }

    /** switchboard.js as the impl jar the harness put into the WAR holds it. */
    private static byte[] moduleInImplJar() throws IOException {
        File[] jars = new File(System.getProperty("switchboard.tck.libraries"))
                .listFiles((dir, name) -> name.startsWith("switchboard-impl") && name.endsWith(".jar"));
        assertThat(jars).as("switchboard-impl in switchboard.tck.libraries").hasSize(1);
        try (JarFile jar = new JarFile(jars[0])) {
            ZipEntry entry = jar.getEntry("META-INF/resources/" + MODULE);
            assertThat(entry).as("META-INF/resources/%s in %s", MODULE, jars[0]).isNotNull();
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    private static URL resolve(URL base, String path) {
        try {
            return new URL(base, path);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
