/**
 * Palisade's configuration: the {@code palisade.*} keys, and the validated, immutable
 * {@link io.palisade.core.config.Settings} read from them once at deployment.
 */
package io.palisade.core.config;
