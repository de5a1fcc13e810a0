package io.switchboard.samples.relay;

import io.switchboard.client.ClientState;
import io.switchboard.client.ClientStateChanged;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * The relay's link to the ticker, as its watchers see it: {@code {"relay":"BACKING_OFF","attempt":3,"retryInMs":1840,
 * "code":1006}}. {@code retryInMs} only while backing off, {@code code} only when a close code or HTTP status caused
 * the change. The ticks themselves carry {@code symbol}, never {@code relay}.
 *
 * @param state     where the link stands
 * @param attempt   the connection attempt the state belongs to, counted since the link was last open
 * @param retryInMs while {@link ClientState#BACKING_OFF}, how long until the next attempt
 * @param code      the close code or HTTP status that caused the change (1006: dropped without a close), or 0
 */
public record LinkStatus(ClientState state, int attempt, long retryInMs, int code) {

    /** The status after a change. */
    static LinkStatus of(ClientStateChanged change) {
        return new LinkStatus(change.to(), change.attempt(), change.delay().toMillis(), change.closeCode());
    }

    /** The status of a state whose change was not seen. */
    static LinkStatus of(ClientState state) {
        return new LinkStatus(state, 1, 0, 0);
    }

    /** The status as JSON, written by the server's JSON-P. */
    public String toJson() {
        JsonObjectBuilder json =
                Json.createObjectBuilder().add("relay", state.name()).add("attempt", attempt);
        if (state == ClientState.BACKING_OFF) {
            json.add("retryInMs", retryInMs);
        }
        if (code != 0) {
            json.add("code", code);
        }
        return json.build().toString();
    }
}
