/**
 * Hand-written JDBC delegates. The forwarding is written once, in the {@code Forwarding*} interfaces
 * (every call to {@code delegate()}, with the JDBC API's parameter names); the {@code Palisade*}
 * classes declare only the calls that carry SQL, which first fire their {@code jdbc} hook point, and
 * the few that wrap or answer for the delegate. With no callback attached a hooked call costs one
 * volatile read and a null check. {@code unwrap} and {@code isWrapperFor} answer for the delegate
 * first and the driver's object after, and every statement's {@code getConnection()} returns the
 * wrapped connection, so code that walks from a statement to its connection stays protected.
 */
package io.palisade.interceptor.jdbc;
