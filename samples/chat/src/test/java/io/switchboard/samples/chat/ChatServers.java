package io.switchboard.samples.chat;

import io.switchboard.payara.PayaraMicro;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts the packaged WAR on Payara Micro at {@code /chat} for a test, with the files failsafe names. */
final class ChatServers {

    private ChatServers() {}

    /**
     * @param name a work directory of its own under {@code chat.workdir}
     * @param demo whether demo mode is on
     */
    static PayaraMicro start(String name, boolean demo, Duration timeout) throws Exception {
        Path workDir = Path.of(System.getProperty("chat.workdir")).resolve(name);
        PayaraMicro.Setup setup = new PayaraMicro.Setup(
                Path.of(System.getProperty("chat.payara.jar")),
                Path.of(System.getProperty("chat.war")),
                workDir,
                PayaraMicro.freePort(),
                List.of("-Dchat.demo=" + demo),
                "/chat");
        return PayaraMicro.start(setup, "/chat/", timeout, workDir.resolve("payara.log"));
    }
}
