/**
 * Carries the request record onto the threads that serve a request: Jakarta Concurrency and
 * MicroProfile Context Propagation thread-context providers, loaded by the runtime through
 * {@code ServiceLoader}.
 */
package io.palisade.jaxrs.context;
