/**
 * The sample application Palisade protects: a bookstore with vulnerable JDBC and JPA endpoints and
 * their safe twins, on the embedded runtime (Jersey, Weld SE, Grizzly) or a server.
 */
package io.palisade.sample.bookstore;
