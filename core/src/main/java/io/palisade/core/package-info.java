/**
 * The assembly of one deployment: {@link io.palisade.core.PalisadeAgent} builds the agent (counters,
 * rules engine and rule sources, reporter) from the settings and the frozen hook table and follows the
 * application's lifecycle; {@link io.palisade.core.PalisadeRuntime} is what the glue modules read at
 * run time. Internal to the agent: the glue modules use it, applications do not.
 */
package io.palisade.core;
