/** The sample's pages served by plain servlets, outside JAX-RS: a search and an HTML preview. */
package io.palisade.sample.bookstore.servlet;
