/**
 * The instrumentation engine's core: hook points, the frozen {@link io.palisade.core.hook.HookTable},
 * and the atomically replaceable callback chains that protections attach to them.
 */
package io.palisade.core.hook;
