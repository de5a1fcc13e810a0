package io.switchboard.impl.delivery;

import io.switchboard.OverflowPolicy;
import java.util.ArrayList;
import java.util.List;

/** An {@link Outbox.Owner} that remembers what it was told. */
final class RecordingOwner implements Outbox.Owner {

    final List<Payload> written = new ArrayList<>();
    int overflowed;
    int dropped;
    int writeFailed;

    @Override
    public void overflowed() {
        overflowed++;
    }

    @Override
    public void dropped(OverflowPolicy policy) {
        dropped++;
    }

    @Override
    public void writeFailed(Throwable error) {
        writeFailed++;
    }

    @Override
    public void written(Payload payload) {
        written.add(payload);
    }
}
