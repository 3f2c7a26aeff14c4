/** Log messages as values (id, level, category, text) and core's own, in one place. */
package io.palisade.core.log;
