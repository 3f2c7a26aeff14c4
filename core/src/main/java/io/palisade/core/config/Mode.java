package io.palisade.core.config;

/** What a detection does. */
public enum Mode {
    /** Abort the call and answer the request with the block response. */
    BLOCK,
    /** Record the detection, block nothing. */
    MONITOR
}
