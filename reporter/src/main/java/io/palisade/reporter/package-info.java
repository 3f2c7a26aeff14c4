/**
 * The reporter: takes events off request threads without blocking, scrubs secrets, batches them
 * on Mutiny and sends them to the backend (or the {@code io.palisade.events} log) with retries and
 * bounds; asks the backend for rule packs. Found by the agent through
 * {@link io.palisade.core.event.ReporterFactory}.
 */
package io.palisade.reporter;
