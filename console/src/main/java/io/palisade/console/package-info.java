/**
 * The console: the server side of backend protocol v1 for agents, the PostgreSQL store, the rules and
 * IP-block policy served to agents, the dashboard pages and the JSON API, and their authentication.
 */
package io.palisade.console;
