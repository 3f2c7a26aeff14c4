/**
 * The JAX-RS layer: the request record's lifecycle, inputs, and the block response.
 */
package io.palisade.jaxrs;
