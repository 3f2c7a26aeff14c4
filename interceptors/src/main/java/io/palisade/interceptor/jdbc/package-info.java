/**
 * Hand-written JDBC delegates. Every call forwards to the driver's object; the calls that carry SQL
 * first fire their {@code jdbc} hook point. With no callback attached a hooked call costs one
 * volatile read and a null check. {@code unwrap} and {@code isWrapperFor} answer for the delegate
 * first and the driver's object after, and every statement's {@code getConnection()} returns the
 * wrapped connection, so code that walks from a statement to its connection stays protected.
 */
package io.palisade.interceptor.jdbc;
