/**
 * The request record: what Palisade knows about the current HTTP request and what protections found
 * in it, bounded, and reachable on the request thread through {@link io.palisade.core.request.RequestContext}.
 */
package io.palisade.core.request;
