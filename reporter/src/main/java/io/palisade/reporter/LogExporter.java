package io.palisade.reporter;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The exporter when no backend is configured: each event as one JSON line at INFO on the log
 * category {@code io.palisade.events}, so that detections are never silent; the counters' growth as
 * one JSON line at FINE. Everything logged has been scrubbed.
 */
public final class LogExporter implements Exporter {

    public static final String CATEGORY = "io.palisade.events";

    private final Logger log;

    public LogExporter() {
        this(Logger.getLogger(CATEGORY));
    }

    LogExporter(Logger log) {
        this.log = log;
    }

    @Override
    public void export(Batch batch) {
        for (byte[] event : batch.events()) {
            log.info(EventEncoder.utf8(event));
        }
        if (!batch.counters().isEmpty() && log.isLoggable(Level.FINE)) {
            log.fine(EventEncoder.utf8(EventEncoder.write(json -> {
                json.writeStartObject().write("type", "counters").writeStartObject("counters");
                for (Map.Entry<String, Long> counter : batch.counters().entrySet()) {
                    json.write(counter.getKey(), counter.getValue());
                }
                json.writeEnd().writeEnd();
            })));
        }
    }
}
