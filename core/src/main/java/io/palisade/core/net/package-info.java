/**
 * Client addresses: the client IP from the socket peer and, only behind configured trusted proxies,
 * from {@code X-Forwarded-For} or {@code Forwarded}; address and CIDR lists for the allow- and denylists.
 */
package io.palisade.core.net;
