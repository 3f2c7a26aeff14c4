/** Text decoders shared by the request rules and the SQL check: linear, never throwing. */
package io.palisade.core.text;
