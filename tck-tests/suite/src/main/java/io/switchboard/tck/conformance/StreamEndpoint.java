package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/** {@code Reader} and {@code InputStream} forms of whole messages. */
@ServerEndpoint("/stream")
public class StreamEndpoint {

    @OnMessage
    public String reader(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[256];
        int read;
        while ((read = reader.read(buffer)) != -1) {
            text.append(buffer, 0, read);
        }
        return "reader:" + text;
    }

    @OnMessage
    public String stream(InputStream in) throws IOException {
        return "stream:" + in.readAllBytes().length;
    }
}
