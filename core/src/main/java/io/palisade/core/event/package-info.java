/**
 * What leaves a request and where it goes: the {@link io.palisade.core.event.SecurityEvent} of a
 * request that holds detections, the non-blocking {@link io.palisade.core.event.EventSink} it is offered
 * to, and the reporter's service interface ({@link io.palisade.core.event.ReporterFactory}, found through
 * {@code ServiceLoader}, implemented by the reporter module) with the {@link io.palisade.core.event.AgentDescription}
 * it logs in with.
 */
package io.palisade.core.event;
